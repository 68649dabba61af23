import type { RenderedDocument } from "../../render/index.js";
import type { LayoutOptions } from "../layout.js";

/**
 * PDF bytes for a rendered document, laid out by Typst with embedded (subset) Arimo faces. Title,
 * author, /Lang and the bookmarks come from the Typst source; no date is written, so the output is
 * byte-identical for the same input.
 */
export async function writePdf(doc: RenderedDocument, opts: LayoutOptions = {}): Promise<Uint8Array> {
  return (await layoutPdf(doc, opts)).bytes;
}

/**
 * writePdf, with the number of pages laid out (the "of N" of the footer), without parsing the bytes
 * again. A short signed document that would spill onto a second page is set tighter (layout.ts).
 */
export async function layoutPdf(doc: RenderedDocument, opts: LayoutOptions = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  const { pageLayout } = await import("../layout.js");
  const layout = await pageLayout(doc, opts);
  return { bytes: layout.pdf(), pages: layout.pages };
}
