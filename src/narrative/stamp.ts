/**
 * What a generated DOCX carries so that `narrative pull` can make a three-way decision without
 * guessing: which document, language and partner it is, and per slot the hash of what pull would
 * read from it unedited and the hash of the narrative file it was built from. Stored as custom
 * document properties (docProps/custom.xml), which Word and LibreOffice both keep on save; the
 * same stamps go into the out folder's manifest.
 */
import { sha256 } from "../domain/hash.js";
import { docxFromXml } from "./docx-package.js";
import { blockText, readDocx, type ReadDocx } from "./docx-read.js";
import { blocksToMarkdown } from "./docx-to-markdown.js";
import { parseXmlOnce } from "./xml-once.js";
import { parseOwnXml } from "./xml-own.js";

export interface DocxIdentity {
  document: string;
  lang: string;
  partner?: string;
}

export interface SlotStamp {
  /** sha256 of the Markdown `narrative pull` reads from the slot of the DOCX as built. */
  docx: string;
  /** sha256 of the narrative file the slot was built from; null: there was none (the box). */
  narrative: string | null;
}

export const PROP = { document: "edih.document", lang: "edih.lang", partner: "edih.partner",
  slot: "edih.slot.", box: "edih.box.", outside: "edih.outside." } as const;
const NONE = "-";

/** The Markdown each slot holds, in document order. */
export function slotMarkdown(read: ReadDocx): { id: string; markdown: string }[] {
  return read.slots.map((s) => ({ id: s.id, markdown: blocksToMarkdown(read.blocks.slice(s.first, s.last + 1)) }));
}

/** A slot's Markdown without the paragraphs that are still the box's instructions, word for word. */
export function personsMarkdown(read: ReadDocx, id: string, instructions: ReadonlySet<string>): string {
  const s = read.slots.find((x) => x.id === id);
  if (!s) return "";
  return blocksToMarkdown(read.blocks.slice(s.first, s.last + 1).filter((b) => !instructions.has(regionHash(blockText(b)))));
}

/** Hashes of the instruction paragraphs of an empty box (its label line left out). */
function boxInstructions(read: ReadDocx, id: string): string[] {
  const s = read.slots.find((x) => x.id === id)!;
  return read.blocks.slice(s.first, s.last + 1)
    .filter((b) => !(b.content.kind === "p" && b.content.label))
    .map((b) => blockText(b)).filter(Boolean).map(regionHash);
}

/**
 * The text outside the slots, in regions that start at each slot's end and at each heading, each
 * with its nearest heading: where a person typed outside the slots can then be named. Field
 * results (table of contents, page numbers) are left out: Word and LibreOffice recompute them.
 */
export function outsideRegions(read: ReadDocx): { text: string; heading: string }[] {
  const regions: { text: string[]; heading: string }[] = [{ text: [], heading: "" }];
  let heading = "";
  let slot = 0;
  for (let i = 0; i < read.blocks.length; i++) {
    const s = read.slots[slot];
    if (s && i === s.first) {
      i = s.last;
      slot++;
      regions.push({ text: [], heading });
      continue;
    }
    const b = read.blocks[i]!;
    if (b.generated) continue;
    const t = blockText(b);
    if (b.content.kind === "p" && b.content.heading && t) {
      heading = t;
      regions.push({ text: [], heading });
    }
    if (t) regions[regions.length - 1]!.text.push(t);
  }
  return regions.map((r) => ({ text: r.text.join("\n"), heading: r.heading }));
}

export const regionHash = (text: string): string => sha256(text).slice(0, 16);

export interface Stamped {
  /** XML parts to add or replace in the package. */
  parts: Record<string, string>;
  slots: Record<string, SlotStamp>;
}

const DOCUMENT = "word/document.xml";

/**
 * The stamps of a freshly written DOCX, from its normalized XML parts: custom properties and their
 * declarations. The slots are read back from the XML as `narrative pull` reads them (readDocx), so
 * a DOCX nobody edited compares equal; word/document.xml is parsed afresh (by xml-own.ts, which
 * gives sax's tree), the parts every document shares once (xml-once.ts).
 */
export function stampParts(xml: ReadonlyMap<string, string>, who: DocxIdentity, narrative: Record<string, string | null>): Stamped {
  const parse = (text: string, part: string) => (part.endsWith(DOCUMENT) ? parseOwnXml(text, part) : parseXmlOnce(text, part));
  const read = readDocx(docxFromXml((path) => xml.get(path), `${who.lang}/${who.document}.docx`, parse), { slotIds: Object.keys(narrative) });
  const slots: Record<string, SlotStamp> = {};
  for (const { id, markdown } of slotMarkdown(read)) slots[id] = { docx: sha256(markdown), narrative: narrative[id] ?? null };
  const props: [string, string][] = [[PROP.document, who.document], [PROP.lang, who.lang]];
  if (who.partner) props.push([PROP.partner, who.partner]);
  for (const [id, s] of Object.entries(slots)) {
    props.push([PROP.slot + id, `${s.docx} ${s.narrative ?? NONE}`]);
    // Word keeps property values up to 255 characters: 15 hashes of 16.
    if (s.narrative === null) props.push([PROP.box + id, boxInstructions(read, id).slice(0, 15).join(" ")]);
  }
  outsideRegions(read).forEach((r, i) => props.push([PROP.outside + i, regionHash(r.text)]));
  const text = (name: string) => xml.get(name) ?? "";
  return { slots, parts: {
    "[Content_Types].xml": text("[Content_Types].xml").replace("</Types>",
      `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`),
    "_rels/.rels": text("_rels/.rels").replace("</Relationships>",
      `<Relationship Id="rIdEdihCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`),
    "docProps/custom.xml": customXml(props),
  } };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function customXml(props: [string, string][]): string {
  // fmtid is the one ECMA-376 gives for user-defined properties; pid starts at 2.
  const items = props.map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join("")}</Properties>`;
}

/** The stamps as read back from a DOCX's custom properties. */
export function readStamps(props: Record<string, string>): { who?: DocxIdentity; slots: Record<string, SlotStamp>; outside: string[];
  instructions: Record<string, Set<string>> } {
  const slots: Record<string, SlotStamp> = {};
  const outside: string[] = [];
  const instructions: Record<string, Set<string>> = {};
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith(PROP.box)) instructions[name.slice(PROP.box.length)] = new Set(value.trim().split(/\s+/).filter(Boolean));
    if (name.startsWith(PROP.slot)) {
      const [docx, narrative] = value.trim().split(/\s+/);
      if (docx && /^[0-9a-f]{64}$/.test(docx)) slots[name.slice(PROP.slot.length)] = { docx, narrative: narrative && narrative !== NONE ? narrative : null };
    } else if (name.startsWith(PROP.outside)) {
      const i = Number(name.slice(PROP.outside.length));
      if (Number.isInteger(i) && i >= 0 && i < 10_000) outside[i] = value.trim();
    }
  }
  const document = props[PROP.document], lang = props[PROP.lang];
  const who = document && lang ? { document, lang, ...(props[PROP.partner] ? { partner: props[PROP.partner] } : {}) } : undefined;
  return { ...(who ? { who } : {}), slots, outside, instructions };
}
