/**
 * What makes a DOCX's bytes depend on its content only: docx writes the current time into
 * docProps/core.xml and random relationship ids (libraries.md §2), and a zip stamps each entry
 * with the time of packing. The frame's parts (frame.ts) are normalised once; a document's parts
 * are then zipped once, at a fixed time.
 */
import { strFromU8 } from "fflate";
import { FIXED_DATE_ISO } from "../fixed.js";
import { zipEntries, type ZipEntry } from "./zip.js";

/** A package's parts by path, in zip order, as docx's compiler gives them (XML as text, or bytes). */
export type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

/**
 * Given the XML parts as text (path → XML, in zip order), XML parts to add or replace (the slot
 * stamps of `narrative pull`). Text both ways: what the hook returns is encoded once, with the rest.
 */
export type PartsHook = (xml: ReadonlyMap<string, string>) => Record<string, string>;

const ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);
/** A random relationship id of docx (nanoid: 21 characters), quoted as every attribute value is. */
const RANDOM_ID = /"(rId[A-Za-z0-9_-]{10,})(?=")/g;
const isXml = (n: string) => n.endsWith(".xml") || n.endsWith(".rels");
const textOf = (raw: string | Uint8Array | ArrayBuffer): string =>
  typeof raw === "string" ? raw : strFromU8(raw instanceof Uint8Array ? raw : new Uint8Array(raw));

/**
 * The parts' XML as text, in zip order, with fixed dates, random ids numbered in order of first
 * appearance (rIdx1, ...), and `extraStyles` added to word/styles.xml.
 */
export function normalizedXml(parts: Parts, opts: { extraStyles?: string } = {}): Map<string, string> {
  const xml = new Map<string, string>();
  for (const [n, data] of parts) {
    if (!isXml(n)) throw new Error(`docx wrote ${n}, which is not XML`);
    xml.set(n, textOf(data));
  }
  const ids = new Map<string, string>();
  for (const s of xml.values()) {
    for (const m of s.matchAll(/\bId="(rId[A-Za-z0-9_-]{10,})"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `rIdx${ids.size + 1}`);
  }
  for (const [n, text] of xml) {
    let s = text;
    if (n === "docProps/core.xml") s = s.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${FIXED_DATE_ISO}$2`);
    if (ids.size) s = s.replace(RANDOM_ID, (m, id: string) => { const to = ids.get(id); return to === undefined ? m : `"${to}`; });
    if (n === "word/styles.xml" && opts.extraStyles) s = s.replace("</w:styles>", `${opts.extraStyles}</w:styles>`);
    xml.set(n, s);
  }
  return xml;
}

/** A package's XML parts zipped, once: the parts in order, with what `addParts` adds or replaces after. */
export function zipDocx(xml: ReadonlyMap<string, string>, addParts?: PartsHook): Uint8Array {
  const added = addParts ? addParts(xml) : {};
  const entries: ZipEntry[] = [];
  for (const [name, data] of xml) entries.push({ name, data: added[name] ?? data });
  for (const [name, data] of Object.entries(added)) if (!xml.has(name)) entries.push({ name, data });
  return zipEntries(entries, ZIP_TIME);
}

