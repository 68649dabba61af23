import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { RenderedDocument } from "../../render/index.js";

interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: object): { getBuffer(): Promise<Buffer> };
}

/**
 * PDF bytes for a rendered document, laid out by pdfmake with embedded (subset) Arimo faces.
 * pdfmake itself writes the title, author, /Lang, the outline and fixed dates, so the output is
 * byte-identical for the same input. Loads pdfmake lazily.
 */
export async function writePdf(doc: RenderedDocument, opts: { draftMark?: string } = {}): Promise<Uint8Array> {
  return (await layoutPdf(doc, opts)).bytes;
}

/** writePdf, with the number of pages laid out (the "of N" of the footer), without parsing the bytes again. */
export async function layoutPdf(doc: RenderedDocument, opts: { draftMark?: string } = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  shareDecodedFontTables();
  const [mod, { buildPdfDefinition }, { arimoFaces, PDF_FONT }, { arimoMeasure }] = await Promise.all([
    import("pdfmake"), import("./build.js"), import("./fonts.js"), import("../metrics.js")]);
  const pdfmake = ((mod as { default?: unknown }).default ?? mod) as PdfMake;
  const faces = arimoFaces();
  const files: Record<string, string> = {};
  for (const [face, bytes] of Object.entries(faces)) {
    const name = `${PDF_FONT}-${face}.ttf`;
    pdfmake.virtualfs.writeFileSync(name, bytes);
    files[face] = name;
  }
  pdfmake.setFonts({ [PDF_FONT]: files });
  // Documents never load anything from disk or network: templates cannot name images or URLs to fetch.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  let pages = 0;
  const definition = buildPdfDefinition(doc, { ...opts, measure: await arimoMeasure(), onPageCount: (n) => (pages = n) });
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pages };
}

interface Fontkit { create(src: Uint8Array, family?: string): object }
let tablesShared = false;

/**
 * pdfkit parses each TTF again for every document (fontkit.create), which was the largest single
 * cost of a package build: ~30 % of CPU for the example's 73 PDFs. The decoded font tables are
 * read-only data, so every document's font object is made to share them — but nothing else:
 * glyph objects, layout engine and cmap processor stay per document (sharing those loses
 * ToUnicode entries). Output bytes are unchanged (tested against fresh fonts).
 */
function shareDecodedFontTables(): void {
  if (tablesShared) return;
  tablesShared = true;
  // fontkit's CommonJS exports are getters, so the cached module's exports object is replaced
  // before pdfkit (loaded by pdfmake, after this) requires it.
  const fromPdfkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"));
  const id = fromPdfkit.resolve("fontkit");
  const original = fromPdfkit("fontkit") as Fontkit;
  const pristine = new Map<string, object>();
  const create = (src: Uint8Array, family?: string) => {
    const key = `${createHash("sha1").update(src).digest("hex")}:${family ?? ""}`;
    let base = pristine.get(key);
    // The base is never used directly: its lazily cached members would otherwise be shared.
    if (base === undefined) pristine.set(key, (base = original.create(src, family)));
    return Object.assign(Object.create(base) as object, { _glyphs: {} });
  };
  // Every other export (registerFormat, logErrors, ...) stays the original's.
  const shared = new Proxy(original, { get: (target, prop, receiver) => (prop === "create" ? create : Reflect.get(target, prop, receiver)) });
  const cached = fromPdfkit.cache[id];
  if (cached) cached.exports = shared;
}
