import type { RenderedDocument } from "../../render/index.js";
import { normalizeDocx } from "./normalize.js";

/** DOCX bytes for a rendered document; byte-identical for the same input. Loads `docx` lazily. */
export async function writeDocx(doc: RenderedDocument, opts: { draftMark?: string } = {}): Promise<Uint8Array> {
  const [{ Packer }, { buildDocx }] = await Promise.all([import("docx"), import("./build.js")]);
  const buffer = await Packer.toBuffer(buildDocx(doc, opts));
  return normalizeDocx(new Uint8Array(buffer));
}
