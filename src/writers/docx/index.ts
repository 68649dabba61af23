import type { RenderedDocument } from "../../render/index.js";
import { normalizeDocx, normalizeParts, type Parts, type PartsHook } from "./normalize.js";

/**
 * docx's Packer zips what its compiler makes; edih needs the parts before that (to make them
 * deterministic), and used to unzip and re-zip each package. The compiler is reachable as
 * `Packer.compiler` (docx is pinned to an exact version); if a later docx moves it, the slower
 * unzip/re-zip path gives the same bytes.
 */
interface PartsCompiler { compile(file: object, prettify: undefined, overrides: readonly unknown[]): Parts }

/** DOCX bytes for a rendered document; byte-identical for the same input. Loads `docx` lazily. */
export async function writeDocx(doc: RenderedDocument, opts: { draftMark?: string; addParts?: PartsHook } = {}): Promise<Uint8Array> {
  const [{ Packer }, { buildDocx, tableStyleXml }, { arimoMeasure }] = await Promise.all([import("docx"), import("./build.js"), import("../metrics.js")]);
  const file = buildDocx(doc, { ...(opts.draftMark ? { draftMark: opts.draftMark } : {}), measure: await arimoMeasure() });
  const extra = { extraStyles: tableStyleXml(), ...(opts.addParts ? { addParts: opts.addParts } : {}) };
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile === "function") return normalizeParts(compiler.compile(file, undefined, []), extra);
  return normalizeDocx(new Uint8Array(await Packer.toBuffer(file)), extra);
}
