import { strFromU8, strToU8, unzipSync } from "fflate";

import { FIXED_DATE_ISO } from "../fixed.js";
import { zipEntries, type ZipEntry } from "./zip.js";

/** A package's parts by path, in zip order, as docx's compiler gives them (XML as text) or as unzipped. */
export type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

/**
 * Given the normalized XML parts as text (path → XML, in zip order), XML parts to add or replace
 * (the slot stamps of `narrative pull`). Text both ways: the hook reads what the normaliser has
 * already decoded, and what it returns is encoded once, with the rest.
 */
export type PartsHook = (xml: ReadonlyMap<string, string>) => Record<string, string>;
export interface NormalizeOptions {
  extraStyles?: string;
  addParts?: PartsHook;
}

const ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);
/**
 * A random relationship id of docx (nanoid: 21 characters no one can guess), quoted as every
 * attribute value is; every quoted occurrence is renumbered.
 */
const RANDOM_ID = /"(rId[A-Za-z0-9_-]{10,})(?=")/g;
const isXml = (n: string) => n.endsWith(".xml") || n.endsWith(".rels");
const bytesOf = (raw: string | Uint8Array | ArrayBuffer): Uint8Array =>
  typeof raw === "string" ? strToU8(raw) : raw instanceof Uint8Array ? raw : new Uint8Array(raw);

/**
 * docx writes the current time into docProps/core.xml, random relationship ids for hyperlinks, and
 * zip entries stamped with the time of packing. Rewriting those makes the same tree give the same
 * bytes (libraries.md §2). The parts are zipped here, once.
 */
export function normalizeParts(parts: Parts, opts: NormalizeOptions = {}): Uint8Array {
  const xml = new Map<string, string>();
  for (const [n, data] of parts) {
    if (isXml(n)) xml.set(n, typeof data === "string" ? data : strFromU8(bytesOf(data)));
  }

  // Random ids (nanoid) become stable ones, numbered in order of first appearance in the package
  // (parts in zip order). One pass per part finds them, one more replaces them.
  const idMap = new Map<string, string>();
  for (const s of xml.values()) {
    if (!s.includes("\"rId")) continue;
    for (const m of s.matchAll(/\bId="(rId[A-Za-z0-9_-]{10,})"/g)) {
      if (!idMap.has(m[1]!)) idMap.set(m[1]!, `rIdx${idMap.size + 1}`);
    }
  }

  for (const [n, text] of xml) {
    let s = text;
    if (n === "docProps/core.xml") {
      s = s.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${FIXED_DATE_ISO}$2`);
    }
    // Every quoted occurrence of an id, as an attribute value or wherever else it was written.
    if (idMap.size && s.includes("\"rId")) s = s.replace(RANDOM_ID, (m, id: string) => { const to = idMap.get(id); return to === undefined ? m : `"${to}`; });
    if (n === "word/document.xml") s = renumberBookmarks(s);
    if (n === "word/styles.xml" && opts.extraStyles) s = s.replace("</w:styles>", `${opts.extraStyles}</w:styles>`);
    xml.set(n, s);
  }
  const added = opts.addParts ? opts.addParts(xml) : {};

  // In the order zipSync took them from an object: the parts in order, then the added ones.
  const entries: ZipEntry[] = [];
  for (const [name, raw] of parts) entries.push({ name, data: added[name] ?? xml.get(name) ?? bytesOf(raw) });
  for (const [name, data] of Object.entries(added)) if (!parts.has(name)) entries.push({ name, data });
  return zipEntries(entries, ZIP_TIME);
}

/** The same normalisation for a DOCX that was already zipped (a package from elsewhere, or the fallback path). */
export function normalizeDocx(bytes: Uint8Array, opts: NormalizeOptions = {}): Uint8Array {
  return normalizeParts(new Map(Object.entries(unzipSync(bytes))), opts);
}

/**
 * docx numbers TOC bookmarks (`_TocN`, `w:id`) from a counter that lives as long as the process,
 * so a second build in the same run would differ; renumber them in document order.
 */
function renumberBookmarks(xml: string): string {
  const names = new Map<string, string>();
  let s = xml.replace(/_Toc(\d+)/g, (m) => {
    if (!names.has(m)) names.set(m, `_Toc${names.size + 1}`);
    return names.get(m)!;
  });
  const ids = new Map<string, string>();
  s = s.replace(/(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)(")/g, (_m, a: string, id: string, b: string) => {
    if (!ids.has(id)) ids.set(id, String(ids.size + 1));
    return a + ids.get(id)! + b;
  });
  return s;
}
