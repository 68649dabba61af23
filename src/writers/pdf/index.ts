import type { RenderedDocument } from "../../render/index.js";
import { compileTypst } from "./typst.js";

/**
 * PDF bytes for a rendered document, laid out by Typst with embedded (subset) Arimo faces. Title,
 * author, /Lang and the bookmarks come from the Typst source; no date is written, so the output is
 * byte-identical for the same input.
 */
export async function writePdf(doc: RenderedDocument, opts: { draftMark?: string } = {}): Promise<Uint8Array> {
  return (await layoutPdf(doc, opts)).bytes;
}

/** writePdf, with the number of pages laid out (the "of N" of the footer), without parsing the bytes again. */
export async function layoutPdf(doc: RenderedDocument, opts: { draftMark?: string } = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  const [{ typstSource }, { arimoMeasure }] = await Promise.all([import("./build.js"), import("../metrics.js")]);
  return compileTypst(typstSource(doc, { ...opts, measure: await arimoMeasure() }));
}
