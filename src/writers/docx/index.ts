import type { RenderedDocument } from "../../render/index.js";
import { normalizeDocx, normalizeParts, type Parts, type PartsHook } from "./normalize.js";

/**
 * docx's Packer zips what its compiler makes; edih needs the parts before that (to make them
 * deterministic), and used to unzip and re-zip each package. The compiler is reachable as
 * `Packer.compiler` (docx is pinned to an exact version); if a later docx moves it, the slower
 * unzip/re-zip path gives the same bytes.
 */
interface PartsCompiler { compile(file: object, prettify: undefined, overrides: readonly unknown[]): Parts }

/**
 * DOCX bytes for a rendered document; byte-identical for the same input. Loads `docx` lazily.
 * A document with a table of contents, or a short signed one that may be fitted on one page, is
 * laid out by the PDF's layout first (shared with its PDF, so a job lays it out once): the DOCX
 * takes its density and its contents' page numbers from there.
 */
export async function writeDocx(doc: RenderedDocument, opts: { draftMark?: string; name?: string; addParts?: PartsHook } = {}): Promise<Uint8Array> {
  const [{ Packer }, { buildDocx, tableStyleXml }, { arimoMeasure }, { pageLayout, fitsOnePageCandidate }] = await Promise.all([
    import("docx"), import("./build.js"), import("../metrics.js"), import("../layout.js")]);
  const mark = opts.draftMark ? { draftMark: opts.draftMark } : {};
  const needsLayout = hasToc(doc) || fitsOnePageCandidate(doc);
  const layout = needsLayout ? await pageLayout(doc, { ...mark, ...(opts.name !== undefined ? { name: opts.name } : {}) }) : undefined;
  const file = buildDocx(doc, { ...mark, measure: await arimoMeasure(), ...(layout ? { layout } : {}) });
  const extra = { extraStyles: tableStyleXml(), ...(opts.addParts ? { addParts: opts.addParts } : {}) };
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile === "function") return normalizeParts(compiler.compile(file, undefined, []), extra);
  return normalizeDocx(new Uint8Array(await Packer.toBuffer(file)), extra);
}

const hasToc = (doc: RenderedDocument): boolean => doc.tree.children.some((n) => n.type === "leafDirective" && n.name === "toc");
