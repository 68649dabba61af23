/**
 * After layout: merging documents into one PDF with a bookmark per part, counting pages and stamping
 * text on every page. Uses @cantoo/pdf-lib + @cantoo/fontkit, whose font subsetting keeps every
 * glyph (upstream pdf-lib 1.17.1 drops some: libraries.md §3). Loaded lazily.
 */
import { FIXED_DATE } from "../fixed.js";

async function lib() {
  const [pdf, fk] = await Promise.all([import("@cantoo/pdf-lib"), import("@cantoo/fontkit")]);
  return { ...pdf, fontkit: ((fk as { default?: unknown }).default ?? fk) as Parameters<import("@cantoo/pdf-lib").PDFDocument["registerFontkit"]>[0] };
}

export interface PdfMeta {
  title: string;
  lang: "bg" | "en";
  author?: string;
}

type Lib = Awaited<ReturnType<typeof lib>>;

function fixMetadata(L: Lib, doc: import("@cantoo/pdf-lib").PDFDocument, meta: PdfMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  doc.setLanguage(meta.lang === "bg" ? "bg-BG" : "en-GB");
  doc.setCreator("edih");
  doc.setProducer("edih");
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  void L;
}

/** One PDF from several, in order, with one top-level bookmark per part; deterministic bytes. */
export async function mergePdfs(parts: { title: string; bytes: Uint8Array }[], meta: PdfMeta): Promise<Uint8Array> {
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
  fixMetadata(L, out, meta);

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

/**
 * Draws `text` (e.g. "DRAFT — 3 errors") in red at the top of every page. The writers already draw
 * the draft mark themselves; this is for PDFs assembled from parts built without it.
 */
export async function stampPages(bytes: Uint8Array, text: string, meta?: PdfMeta): Promise<Uint8Array> {
  const L = await lib();
  const { arimoFaces } = await import("./fonts.js");
  const doc = await L.PDFDocument.load(bytes, { updateMetadata: false });
  doc.registerFontkit(L.fontkit);
  const font = await doc.embedFont(arimoFaces().bold, { subset: true, customName: "Arimo-Bold" });
  const size = 12;
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const w = font.widthOfTextAtSize(text, size);
    page.drawText(text, { x: (width - w) / 2, y: height - 18, size, font, color: L.rgb(0.75, 0, 0) });
  }
  if (meta) fixMetadata(L, doc, meta);
  else {
    doc.setModificationDate(FIXED_DATE);
    doc.setCreationDate(FIXED_DATE);
  }
  return doc.save();
}
