/**
 * A document's pages as Typst lays them out, computed once and read by both writers: the PDF's
 * bytes, the density a short document is set at (so its DOCX is set alike), and the page each
 * heading of the table of contents lands on (so the DOCX's contents print the PDF's numbers).
 */
import { createHash } from "node:crypto";
import type { RenderedDocument } from "../render/index.js";
import type { DocNode } from "../render/tree.js";
import { isSignatures } from "./keep.js";
import { NORMAL_DENSITY, TIGHTER, type Density } from "./theme.js";
import type { TypstPages } from "./pdf/typst.js";

export interface PageLayout {
  /**
   * The PDF, written on first ask: a DOCX needs only the page numbers and the density, and a
   * `--format docx` build (or the DOCX of a job whose PDF another thread laid out) never asks.
   */
  pdf(): Uint8Array;
  pages: number;
  density: Density;
  /** Page of each heading the table of contents lists (levels 1-2), in document order. */
  headingPages: number[];
}

export interface LayoutOptions {
  draftMark?: string;
  /**
   * Which document this is, the same in every build (its job: document, language, partner): Typst
   * compiles it as a file of its own, so an edit finds its earlier layouts (pdf/typst.ts,
   * typstFile). Without one, the title and language stand for it.
   */
  name?: string;
}

/**
 * A short signed document (a declaration, a letter) is fitted on one page when the normal setting
 * spills it onto a second: what a reader expects of a one-page form. A document with a forced
 * page break is two pages by design and is never squeezed.
 */
export function fitsOnePageCandidate(doc: RenderedDocument): boolean {
  const top = doc.tree.children as DocNode[];
  return top.some(isSignatures) && !top.some((n) => n.type === "leafDirective" && n.name === "page-break");
}

/** Layouts of recent documents, by the hash of their Typst source: equal documents share one. */
const recent = new Map<string, PageLayout>();
const KEEP = 16;
/**
 * The layout of this very document object, by draft mark: the DOCX and the PDF of one job ask for
 * the same layout, and the second ask need not write and hash the Typst source again. A job does
 * not change its document between its formats.
 */
const ofDocument = new WeakMap<RenderedDocument, Map<string, PageLayout>>();

export async function pageLayout(doc: RenderedDocument, opts: LayoutOptions = {}): Promise<PageLayout> {
  const mark = opts.draftMark ?? "";
  const same = ofDocument.get(doc)?.get(mark);
  if (same) return same;
  const layout = await layoutOf(doc, opts);
  const byMark = ofDocument.get(doc) ?? new Map<string, PageLayout>();
  byMark.set(mark, layout);
  ofDocument.set(doc, byMark);
  return layout;
}

async function layoutOf(doc: RenderedDocument, opts: LayoutOptions): Promise<PageLayout> {
  const [{ typstSource, HEADING_PAGES_LABEL }, { layTypst }, { arimoMeasure }] = await Promise.all([
    import("./pdf/build.js"), import("./pdf/typst.js"), import("./metrics.js")]);
  const measure = await arimoMeasure();
  const { name = `${doc.meta.lang}\n${doc.meta.title}`, ...typstOpts } = opts;
  const source = (density: Density) => typstSource(doc, { ...typstOpts, measure, density });
  // Each density its own file too: a file follows the versions of one setting of one document.
  const file = (density: Density) => `${name}\n${JSON.stringify(density)}`;
  const normal = source(NORMAL_DENSITY);
  const key = createHash("sha256").update(normal).digest("hex");
  const known = recent.get(key);
  if (known) return known;

  const exported = (laid: TypstPages, density: Density): PageLayout => {
    const queried = laid.query(HEADING_PAGES_LABEL);
    const pairs = Array.isArray(queried) ? (queried as unknown[]) : [];
    const headingPages = pairs.map((p) => (Array.isArray(p) && typeof p[1] === "number" ? p[1] : 0));
    let bytes: Uint8Array | undefined;
    return { pdf: () => (bytes ??= laid.export().bytes), pages: laid.pages, density, headingPages };
  };
  // Only the layout kept is exported to PDF: a normal setting that spills onto a second page is not.
  const normalLaid = layTypst(normal, file(NORMAL_DENSITY));
  let layout: PageLayout | undefined;
  if (normalLaid.pages === 2 && fitsOnePageCandidate(doc)) {
    for (const density of TIGHTER) {
      const tight = layTypst(source(density), file(density));
      if (tight.pages === 1) {
        layout = exported(tight, density);
        break;
      }
    }
  }
  layout ??= exported(normalLaid, NORMAL_DENSITY);
  if (recent.size >= KEEP) recent.delete(recent.keys().next().value!);
  recent.set(key, layout);
  return layout;
}
