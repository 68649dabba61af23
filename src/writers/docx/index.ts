import type { RenderedDocument } from "../../render/index.js";
import { NORMAL_DENSITY } from "../theme.js";
import type { PartsHook } from "./normalize.js";

/**
 * DOCX bytes for a rendered document; byte-identical for the same input. The body is written as
 * WordprocessingML text (body.ts, package.ts) and zipped once; docx (loaded lazily) makes only the
 * parts every document with the same settings shares (frame.ts).
 * A document with a table of contents, or a short signed one that may be fitted on one page, is
 * laid out by the PDF's layout first (shared with its PDF, so a job lays it out once): the DOCX
 * takes its density, its contents' page numbers and its page count from there.
 */
export async function writeDocx(doc: RenderedDocument, opts: { draftMark?: string; name?: string; addParts?: PartsHook } = {}): Promise<Uint8Array> {
  const [{ documentBody }, { documentParts }, { arimoMeasure }, { pageLayout, fitsOnePageCandidate }, { zipDocx }] = await Promise.all([
    import("./body.js"), import("./package.js"), import("../metrics.js"), import("../layout.js"), import("./normalize.js")]);
  const mark = opts.draftMark ? { draftMark: opts.draftMark } : {};
  const needsLayout = hasToc(doc) || fitsOnePageCandidate(doc);
  const layout = needsLayout ? await pageLayout(doc, { ...mark, ...(opts.name !== undefined ? { name: opts.name } : {}) }) : undefined;
  const density = layout?.density ?? NORMAL_DENSITY;
  const body = documentBody(doc, { measure: await arimoMeasure(), density });
  return zipDocx(await documentParts(doc, body, { ...mark, density, ...(layout ? { layout } : {}) }), opts.addParts);
}

const hasToc = (doc: RenderedDocument): boolean => doc.tree.children.some((n) => n.type === "leafDirective" && n.name === "toc");
