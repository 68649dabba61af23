/**
 * The XML parts every DOCX of a build shares (styles, numbering, content types, settings…), parsed
 * once per process. Each document's stamps read its parts back (stamp.ts), and for a short
 * document most of its XML is these parts. A parse is a pure function of the text and the text is
 * the key, so an entry cannot go stale; the trees are frozen, since readers only read them. A few
 * entries suffice (a language and a density each); the oldest goes first.
 */
import { parseXml, type XmlElement } from "./xml.js";

const KEEP = 32;
const parsed = new Map<string, XmlElement>();

export function parseXmlOnce(text: string, part: string): XmlElement {
  let tree = parsed.get(text);
  if (!tree) {
    tree = freeze(parseXml(text, part));
    if (parsed.size >= KEEP) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, tree);
  }
  return tree;
}

function freeze(el: XmlElement): XmlElement {
  for (const c of el.children) if (typeof c !== "string") freeze(c);
  Object.freeze(el.attrs);
  Object.freeze(el.children);
  return Object.freeze(el);
}
