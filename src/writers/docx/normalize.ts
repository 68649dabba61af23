import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

import { FIXED_DATE_ISO } from "../fixed.js";

/** A package's parts by path, in zip order, as docx's compiler gives them (XML as text) or as unzipped. */
export type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

/** Given the normalized parts, parts to add or replace (the slot stamps of `narrative pull`). */
export type PartsHook = (parts: Record<string, Uint8Array>) => Record<string, Uint8Array>;
export interface NormalizeOptions {
  extraStyles?: string;
  addParts?: PartsHook;
}

/**
 * docx writes the current time into docProps/core.xml, random relationship ids for hyperlinks, and
 * zip entries stamped with the time of packing. Rewriting those makes the same tree give the same
 * bytes (libraries.md §2). The parts are zipped here, once.
 */
export function normalizeParts(parts: Parts, opts: NormalizeOptions = {}): Uint8Array {
  const names = [...parts.keys()];
  const texts = new Map<string, string>();
  const text = (n: string) => {
    let s = texts.get(n);
    if (s === undefined) {
      const data = parts.get(n)!;
      s = typeof data === "string" ? data : strFromU8(data instanceof Uint8Array ? data : new Uint8Array(data));
      texts.set(n, s);
    }
    return s;
  };
  const isXml = (n: string) => n.endsWith(".xml") || n.endsWith(".rels");

  // Random ids (nanoid) become stable ones, numbered in order of first appearance in the package.
  const idMap = new Map<string, string>();
  const allXml = names.filter(isXml).map((n) => text(n)).join("\n");
  for (const m of allXml.matchAll(/\bId="(rId[A-Za-z0-9_-]{10,})"/g)) {
    if (!idMap.has(m[1]!)) idMap.set(m[1]!, `rIdx${idMap.size + 1}`);
  }

  const out: Zippable = {};
  for (const n of names) {
    let data: Uint8Array;
    if (isXml(n)) {
      let s = text(n);
      if (n === "docProps/core.xml") {
        s = s.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${FIXED_DATE_ISO}$2`);
      }
      for (const [from, to] of idMap) s = s.split(`"${from}"`).join(`"${to}"`);
      if (n === "word/document.xml") s = renumberBookmarks(s);
      if (n === "word/styles.xml" && opts.extraStyles) s = s.replace("</w:styles>", `${opts.extraStyles}</w:styles>`);
      data = strToU8(s);
    } else {
      const raw = parts.get(n)!;
      data = typeof raw === "string" ? strToU8(raw) : raw instanceof Uint8Array ? raw : new Uint8Array(raw);
    }
    out[n] = [data, { mtime: new Date(2000, 0, 1, 0, 0, 0) }];
  }
  if (opts.addParts) {
    const normalized = Object.fromEntries(Object.entries(out).map(([n, v]) => [n, (v as [Uint8Array, unknown])[0]]));
    for (const [n, data] of Object.entries(opts.addParts(normalized))) out[n] = [data, { mtime: new Date(2000, 0, 1, 0, 0, 0) }];
  }
  return zipSync(out, { level: 6 });
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
