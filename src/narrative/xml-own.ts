/**
 * Reads XML as docx writes it — a declaration, elements, attributes in double quotes, text, the
 * five predefined entities — into parseXml's tree several times faster than sax: the stamps of
 * every DOCX a build writes read its word/document.xml back (stamp.ts). Anything outside that
 * subset (a comment, CDATA, a DOCTYPE, a processing instruction, a character reference, a carriage
 * return, a control character, a byte-order mark, an attribute in single quotes, odd spacing in a tag, a duplicate
 * attribute, unbalanced tags) sends the whole part to parseXml instead, so the tree is always the
 * one `narrative pull` reads from the same text (tests/narrative/xml-own.test.ts compares both).
 */
import { parseXml, type XmlElement } from "./xml.js";

export function parseOwnXml(text: string, part: string): XmlElement {
  return subsetTree(text) ?? parseXml(text, part);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" };
/** What the subset never has: sax would treat each differently from plain text, or fail. */
const OUTSIDE = /[\0-\x08\x0B-\x1F\uFEFF]|<!|&#/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const SPACE = /[ \t\n]/;

/** Entities decoded; undefined for an `&` that is not one of the five. */
function decode(s: string): string | undefined {
  if (!s.includes("&")) return s;
  let bad = false;
  const out = s.replace(/&([a-z]*);?/g, (m, name: string) => {
    const c = m.endsWith(";") ? ENTITIES[name] : undefined;
    if (c === undefined) bad = true;
    return c ?? m;
  });
  return bad ? undefined : out;
}

/** The tree of text inside the subset; undefined for anything else. */
export function subsetTree(text: string): XmlElement | undefined {
  let i = 0;
  if (text.startsWith("<?xml ")) {
    i = text.indexOf("?>") + 2;
    if (i < 2) return undefined;
  }
  if (OUTSIDE.test(text) || text.includes("<?", i)) return undefined;
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? text.length : lt;
    if (end > i) {
      const t = decode(text.slice(i, end));
      if (t === undefined) return undefined;
      // Outside the root element only whitespace (which parseXml leaves out of the tree).
      if (stack.length === 1) {
        if (/[^ \t\n]/.test(t)) return undefined;
      } else {
        const kids = stack[stack.length - 1]!.children;
        const last = kids[kids.length - 1];
        if (typeof last === "string") kids[kids.length - 1] = last + t;
        else kids.push(t);
      }
    }
    if (lt < 0) break;
    const gt = text.indexOf(">", lt);
    if (gt < 0) return undefined;
    if (text[lt + 1] === "/") {
      const top = stack.pop();
      if (stack.length === 0 || top!.name !== text.slice(lt + 2, gt)) return undefined;
      i = gt + 1;
      continue;
    }
    if (stack.length === 1 && root.children.length > 0) return undefined; // a second root
    const el = openTag(text, lt + 1);
    if (!el) return undefined;
    stack[stack.length - 1]!.children.push(el.element);
    if (!el.empty) stack.push(el.element);
    i = el.end;
  }
  if (stack.length !== 1 || root.children.length !== 1) return undefined;
  return root.children[0] as XmlElement;
}

/** A start tag from just after its `<`: the element and where the text after it starts. */
function openTag(text: string, from: number): { element: XmlElement; empty: boolean; end: number } | undefined {
  let p = from;
  while (p < text.length && !SPACE.test(text[p]!) && text[p] !== "/" && text[p] !== ">") p++;
  const name = text.slice(from, p);
  if (!NAME.test(name)) return undefined;
  const attrs: Record<string, string> = {};
  for (;;) {
    if (text[p] === ">") return { element: { name, attrs, children: [] }, empty: false, end: p + 1 };
    if (text[p] === "/") return text[p + 1] === ">" ? { element: { name, attrs, children: [] }, empty: true, end: p + 2 } : undefined;
    // One space before each attribute, `name="value"` with nothing around the `=`.
    if (text[p] !== " ") return undefined;
    const eq = text.indexOf("=\"", p + 1);
    if (eq < 0) return undefined;
    const attr = text.slice(p + 1, eq);
    if (!NAME.test(attr) || Object.hasOwn(attrs, attr) || attr === "__proto__") return undefined;
    const close = text.indexOf("\"", eq + 2);
    if (close < 0) return undefined;
    const raw = text.slice(eq + 2, close);
    if (raw.includes("<") || raw.includes("\n") || raw.includes("\t")) return undefined;
    const value = decode(raw);
    if (value === undefined) return undefined;
    attrs[attr] = value;
    p = close + 1;
  }
}
