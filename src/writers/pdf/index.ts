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
  const buffer = await pdfmake.createPdf(buildPdfDefinition(doc, { ...opts, measure: await arimoMeasure() })).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
