/**
 * After layout: merging documents into one PDF with a bookmark per part, and counting pages.
 * Typst lays out a document from source but cannot take in finished PDFs, so joining the
 * package's parts (and the outline entry per part) happens here: Typst's own plain files are
 * joined by join.ts; a part in another form (a PDF kept after a hand edit) is left to
 * @cantoo/pdf-lib (libraries.md §3), loaded only then. Everything else a PDF carries (DRAFT mark,
 * bookmarks, /Lang, title, page count) comes out of Typst.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { FIXED_DATE } from "../fixed.js";
import { langTag } from "../theme.js";
import { joinPdfs } from "./join.js";

type PdfLib = typeof import("@cantoo/pdf-lib");
let loaded: Promise<PdfLib> | undefined;

/**
 * The package's single-file ES build: the same code as its default entry, which is hundreds of
 * small modules and took ~240 ms to import against ~65 ms for this file.
 */
function lib(): Promise<PdfLib> {
  if (!loaded) {
    const root = dirname(dirname(createRequire(import.meta.url).resolve("@cantoo/pdf-lib")));
    loaded = import(pathToFileURL(join(root, "dist", "pdf-lib.esm.min.js")).href) as Promise<PdfLib>;
  }
  return loaded;
}

export interface PdfMeta {
  title: string;
  lang: "bg" | "en";
  author?: string;
}

function fixMetadata(doc: import("@cantoo/pdf-lib").PDFDocument, meta: PdfMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  doc.setLanguage(langTag(meta.lang));
  doc.setCreator("edih");
  doc.setProducer("edih");
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
}

/** One PDF from several, in order, with one top-level bookmark per part; deterministic bytes. */
export async function mergePdfs(parts: { title: string; bytes: Uint8Array }[], meta: PdfMeta): Promise<Uint8Array> {
  return joinPdfs(parts, meta) ?? mergeWithPdfLib(parts, meta);
}

/** The general path, for parts join.ts does not read; exported for the tests that compare both. */
export async function mergeWithPdfLib(parts: { title: string; bytes: Uint8Array }[], meta: PdfMeta): Promise<Uint8Array> {
  const L = await lib();
  const out = await L.PDFDocument.create({ updateMetadata: false });
  const firstPages: import("@cantoo/pdf-lib").PDFRef[] = [];
  for (const part of parts) {
    const src = await L.PDFDocument.load(part.bytes, { updateMetadata: false });
    const pages = await out.copyPages(src, src.getPageIndices());
    pages.forEach((p, i) => {
      out.addPage(p);
      if (i === 0) firstPages.push(p.ref);
    });
  }
  fixMetadata(out, meta);

  const ctx = out.context;
  const rootRef = ctx.nextRef();
  const itemRefs = parts.map(() => ctx.nextRef());
  parts.forEach((part, i) => {
    const page = firstPages[i];
    if (!page) return;
    const item = ctx.obj({
      Title: L.PDFHexString.fromText(part.title),
      Parent: rootRef,
      Dest: [page, "XYZ", null, null, null],
    });
    if (i > 0) item.set(L.PDFName.of("Prev"), itemRefs[i - 1]!);
    if (i < parts.length - 1) item.set(L.PDFName.of("Next"), itemRefs[i + 1]!);
    ctx.assign(itemRefs[i]!, item);
  });
  const root = ctx.obj({ Type: "Outlines", Count: parts.length });
  if (itemRefs.length) {
    root.set(L.PDFName.of("First"), itemRefs[0]!);
    root.set(L.PDFName.of("Last"), itemRefs[itemRefs.length - 1]!);
  }
  ctx.assign(rootRef, root);
  out.catalog.set(L.PDFName.of("Outlines"), rootRef);
  out.catalog.set(L.PDFName.of("PageMode"), L.PDFName.of("UseOutlines"));
  return out.save();
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const L = await lib();
  const doc = await L.PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPageCount();
}
