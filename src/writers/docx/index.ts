import type { RenderedDocument } from "../../render/index.js";
import { normalizeDocx, type PartsHook } from "./normalize.js";

/** DOCX bytes for a rendered document; byte-identical for the same input. Loads `docx` lazily. */
export async function writeDocx(doc: RenderedDocument, opts: { draftMark?: string; addParts?: PartsHook } = {}): Promise<Uint8Array> {
  const [{ Packer }, { buildDocx, tableStyleXml }, { arimoMeasure }] = await Promise.all([import("docx"), import("./build.js"), import("../metrics.js")]);
  const buffer = await Packer.toBuffer(buildDocx(doc, { ...opts, measure: await arimoMeasure() }));
  return normalizeDocx(new Uint8Array(buffer), { extraStyles: tableStyleXml(), ...(opts.addParts ? { addParts: opts.addParts } : {}) });
}
