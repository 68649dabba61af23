/**
 * WordprocessingML written as text: the few elements edih's documents use, each with its
 * properties in the order the schema (CT_PPr, CT_RPr, CT_TblPr, ...) gives them. This replaced
 * building docx's object tree and having it serialise the tree, which was half of a DOCX's time;
 * the XML is the same, byte for byte, as docx 9.15 wrote for the same document.
 */

/** Escapes text and attribute values alike; characters XML 1.0 cannot carry are dropped. */
export const esc = (value: string): string => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) =>
  c === "&" ? "&amp;" : c === "\"" ? "&quot;" : c === "'" ? "&apos;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "");

/** `<w:x/>` when on, `<w:x w:val="false"/>` when set off, nothing when not set. */
const onOff = (name: string, value: boolean | undefined): string =>
  value === undefined ? "" : value ? `<w:${name}/>` : `<w:${name} w:val="false"/>`;

export interface Border { style: string; size: number; color: string; space?: number }
export interface Shading { fill: string; color: string; type: string }
export interface Sides<T> { top?: T; left?: T; bottom?: T; right?: T }

export const border = (name: string, b: Border): string =>
  `<w:${name} w:val="${b.style}" w:color="${b.color}" w:sz="${b.size}"${b.space === undefined ? "" : ` w:space="${b.space}"`}/>`;
export const shading = (s: Shading): string => `<w:shd w:fill="${s.fill}" w:color="${s.color}" w:val="${s.type}"/>`;
/** The sides given, in the schema's order (top, left, bottom, right). */
export const sides = (b: Sides<Border>): string =>
  (b.top ? border("top", b.top) : "") + (b.left ? border("left", b.left) : "") + (b.bottom ? border("bottom", b.bottom) : "") + (b.right ? border("right", b.right) : "");

export interface Spacing { before?: number; after?: number; line?: number; lineRule?: "auto" }
export interface ParagraphProps {
  /** Paragraph style id (a heading's, "Title", a TOC level's, ...). */
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  /** List membership: the concrete list's id and the level in it. */
  numbering?: { numId: number; level: number };
  border?: Sides<Border>;
  shading?: Shading;
  /** Tab stops, as `<w:tab .../>` elements. */
  tabs?: string;
  spacing?: Spacing;
  indent?: { left?: number; hanging?: number };
  alignment?: "left" | "right" | "center" | "both";
}

export function pPr(p: ParagraphProps): string {
  let s = "";
  // A list paragraph without a style of its own is in Word's "List Paragraph".
  const style = p.style ?? (p.numbering ? "ListParagraph" : undefined);
  if (style !== undefined) s += `<w:pStyle w:val="${esc(style)}"/>`;
  s += onOff("keepNext", p.keepNext) + onOff("keepLines", p.keepLines);
  if (p.numbering) s += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`;
  if (p.border) s += `<w:pBdr>${sides(p.border)}</w:pBdr>`;
  if (p.shading) s += shading(p.shading);
  if (p.tabs) s += `<w:tabs>${p.tabs}</w:tabs>`;
  if (p.spacing) {
    const { after, before, line, lineRule } = p.spacing;
    s += `<w:spacing${after === undefined ? "" : ` w:after="${after}"`}${before === undefined ? "" : ` w:before="${before}"`}`
      + `${line === undefined ? "" : ` w:line="${line}"`}${lineRule === undefined ? "" : ` w:lineRule="${lineRule}"`}/>`;
  }
  if (p.indent) s += `<w:ind${p.indent.left === undefined ? "" : ` w:left="${p.indent.left}"`}${p.indent.hanging === undefined ? "" : ` w:hanging="${p.indent.hanging}"`}/>`;
  if (p.alignment) s += `<w:jc w:val="${p.alignment}"/>`;
  return s ? `<w:pPr>${s}</w:pPr>` : "";
}

export interface RunProps {
  font?: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  underline?: boolean;
  shading?: Shading;
}

export function rPr(r: RunProps): string {
  let s = "";
  if (r.font) { const f = esc(r.font); s += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`; }
  if (r.bold !== undefined) s += onOff("b", r.bold) + onOff("bCs", r.bold);
  if (r.italics !== undefined) s += onOff("i", r.italics) + onOff("iCs", r.italics);
  s += onOff("strike", r.strike);
  if (r.color) s += `<w:color w:val="${r.color}"/>`;
  if (r.size !== undefined) s += `<w:sz w:val="${r.size}"/>`;
  if (r.size) s += `<w:szCs w:val="${r.size}"/>`;
  if (r.underline) s += `<w:u w:val="single"/>`;
  if (r.shading) s += shading(r.shading);
  return s ? `<w:rPr>${s}</w:rPr>` : "";
}

export const text = (t: string): string => `<w:t xml:space="preserve">${esc(t)}</w:t>`;
/** A run: its properties, then its content (text, breaks, field characters). */
export const run = (props: RunProps, content: string): string => `<w:r>${rPr(props)}${content}</w:r>`;
export function paragraph(props: ParagraphProps, content: string): string {
  const inner = pPr(props) + content;
  return inner ? `<w:p>${inner}</w:p>` : "<w:p/>";
}

export const fieldChar = (type: "begin" | "separate" | "end"): string => `<w:fldChar w:fldCharType="${type}"/>`;
export const instrText = (instruction: string): string => `<w:instrText xml:space="preserve">${esc(instruction)}</w:instrText>`;

/** A width of a table, cell or margin: twips ("dxa") or fiftieths of a percent ("pct"). */
export const width = (name: string, w: number, type: "dxa" | "pct"): string => `<w:${name} w:type="${type}" w:w="${w}"/>`;
