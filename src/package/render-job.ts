/**
 * Renders one planned job (a document in a language, for a partner) to the requested formats.
 * The same code runs in the build process and in render workers, so both produce the same bytes.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { CallPack } from "../calls/index.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Application } from "../schema/index.js";
import { isInside } from "../inside.js";
import type { Job } from "../model/jobs.js";
import type { DocumentTextRenderer } from "../render/index.js";
import type { NarrativeFile } from "../narrative/load.js";
import type { SlotStamp } from "../narrative/stamp.js";
import { sha256 } from "../domain/hash.js";
import { narrativeHash } from "../narrative/hash.js";
import { renderKey } from "./render-key.js";
import { RenderMemo } from "./render-memo.js";
import { byCodeUnits } from "../domain/order.js";

export type Format = "docx" | "pdf";

/** Everything a renderer needs; plain data, so it can be handed to a worker thread. */
export interface RenderEnv {
  app: Application;
  pack: CallPack;
  projectDir: string;
  templateDirs: string[];
  draft: { errors: number } | null;
  /** The application's narrative files, put into their slots after rendering. */
  narrative?: NarrativeFile[];
  /** false: run the writers for every file, never answering from memory (render-memo.ts). */
  reuse?: boolean;
  /** Where parsed Markdown sections are kept between runs (render/parse-cache.ts); undefined: nowhere. */
  sectionStore?: string;
}

export interface RenderedFile {
  format: Format;
  bytes: Uint8Array;
  pages?: number;
  /** What the writers were given (render-key.ts), recorded in the manifest. */
  render: string;
  /** The writers did not run: the same key as the file in out/, whose bytes these are. */
  reused?: boolean;
}

/**
 * An output of this job already in out/, as the last build recorded it (its render key) and as
 * the plan found it on disk (the same sha256: not edited since). Its bytes are used again when the
 * job's render key is unchanged.
 */
export interface ReusableOutput {
  format: Format;
  /** Absolute path of the file in out/. */
  file: string;
  sha256: string;
  render: string;
  pages?: number;
  slots?: Record<string, SlotStamp>;
  /** Its document's fill-in markers and notes, recorded when its text parsed without a problem. */
  fills?: number;
  notes?: string[];
}

export interface JobResult {
  diagnostics: Diagnostic[];
  /** Per slot of the DOCX: what pull reads from it unedited and the narrative file it came from. */
  slots?: Record<string, SlotStamp>;
  title?: string;
  fills?: number;
  /** The tool's notes to the consultant, left out of the document (RenderedDocument.notes). */
  notes?: string[];
  /** The document's text parsed without a problem: its fills and notes may be recorded for reuse (ReusableOutput). */
  quiet?: boolean;
  files: RenderedFile[];
}

const DRAFT_MARK = {
  bg: (n: number) => `ЧЕРНОВА (DRAFT) — ${n} ${n === 1 ? "грешка" : "грешки"}`,
  en: (n: number) => `DRAFT — ${n} ${n === 1 ? "error" : "errors"}`,
};

export type JobRenderer = (job: Job, formats: readonly Format[], reusable?: readonly ReusableOutput[]) => Promise<JobResult>;

/** Per thread: what this thread rendered lately, shared by the renderers of its builds. */
const recent = new RenderMemo();

/** How often this thread's renders were answered from memory (render-memo.ts). */
export function renderMemoCounts(): { hits: number; misses: number; files: number } {
  return { hits: recent.hits, misses: recent.misses, files: recent.size.files };
}

export async function createJobRenderer(env: RenderEnv): Promise<JobRenderer> {
  const [{ buildContext }, render, { insertNarrative, slotsIn }, docx, pdf, parseCache] = await Promise.all([
    import("../model/index.js"), import("../render/index.js"), import("../narrative/insert.js"), import("../writers/docx/index.js"), import("../writers/pdf/index.js"),
    import("../render/parse-cache.js"),
  ]);
  parseCache.useSectionStore(env.sectionStore);
  // Each template set is read and compiled once, for every job of its document and language.
  const templates = new Map<string, { renderer?: DocumentTextRenderer; diagnostics: Diagnostic[] }>();
  const templateSet = (job: Job) => {
    const key = `${job.document}/${job.lang}`;
    let entry = templates.get(key);
    if (!entry) {
      const { set, diagnostics } = render.loadTemplateSet(env.templateDirs, job.document, job.lang);
      const escape = set ? linkOutside(env.projectDir, env.templateDirs[0], set) : undefined;
      entry = !set || escape ? { diagnostics: escape ? [...diagnostics, escape] : diagnostics }
        : { diagnostics, renderer: compiledRenderer({ template: set.template.source, templatePath: set.template.path,
          partials: set.partials, labels: set.labels, lang: job.lang, currency: env.app.budget.currency }, render.documentTextRenderer) };
      templates.set(key, entry);
    }
    return entry;
  };

  return async (job, formats, reusable = []) => {
    const { renderer, diagnostics: templateProblems } = templateSet(job);
    // Template problems are reported once per template, by the first job that loads it.
    const diagnostics = [...templateProblems];
    templateProblems.length = 0;
    if (!renderer) return { diagnostics, files: [] };
    const context = buildContext(env.app, { callPack: env.pack, lang: job.lang, ...(job.partner ? { partnerId: job.partner } : {}), draft: env.draft });
    const staged = renderer(context);
    diagnostics.push(...staged.diagnostics);
    const text = staged.text;
    if (!text) return { diagnostics, files: [] };
    // Files matching no slot were reported by validation; here they are just not used.
    const mine = (env.narrative ?? []).filter((f) => f.document === job.document && f.partner === job.partner);
    const mark = env.draft ? { draftMark: DRAFT_MARK[job.lang](env.draft.errors) } : {};
    const who = { document: job.document, lang: job.lang, ...(job.partner ? { partner: job.partner } : {}) };
    const inserted = narrativeHash(mine, job);
    const files = Object.fromEntries(mine.map((f) => [f.path, f.lang === job.lang ? f.sha256 : "present"]));
    const keys = new Map(formats.map((format) => [format, renderKey({ format, text, ...mark, who, narrative: files, inserted })]));
    // Every file already in out/ from this very text: kept, and the text is not even parsed.
    const kept = keptFromText(formats, keys, reusable);
    if (kept) return { diagnostics, title: text.meta.title, fills: kept.fills, notes: kept.notes, quiet: true, files: kept.files, ...(kept.slots ? { slots: kept.slots } : {}) };

    const made = text.tree();
    diagnostics.push(...made.diagnostics);
    const doc = made.document;
    if (!doc) return { diagnostics, files: [] };
    if (mine.length) doc.fills -= insertNarrative(doc.tree, mine, job.lang).filled;
    // The writers are told which document this is, the same in every build (writers/layout.ts).
    const named = { ...mark, name: [job.document, job.lang, job.partner ?? ""].join("\n") };
    const out: RenderedFile[] = [];
    let slots: Record<string, SlotStamp> | undefined;
    const ids = slotsIn(doc.tree).map((place) => place.id);
    // The narrative each slot holds (what the build read), by the hash of its bytes: stamped into the DOCX.
    const used = (id: string) => mine.find((f) => f.slot === id && f.lang === job.lang)?.sha256 ?? null;
    const narrative = Object.fromEntries(ids.map((id) => [id, used(id)]));
    for (const format of formats) {
      const render = keys.get(format)!;
      // The manifest must also have what the writers would report: a PDF's pages, a DOCX's slot stamps.
      const kept = keptFile(reusable, format, render, (r) => (format === "pdf" ? r.pages !== undefined : !ids.length || r.slots !== undefined));
      if (kept) {
        out.push(kept.file);
        if (format === "docx" && kept.from.slots) slots = kept.from.slots;
        continue;
      }
      const seen = env.reuse === false ? undefined : recent.get(render);
      if (seen) {
        out.push({ format, bytes: seen.bytes, render, ...(seen.pages !== undefined ? { pages: seen.pages } : {}) });
        if (seen.slots) slots = seen.slots;
        continue;
      }
      let file: RenderedFile;
      let stamps: Record<string, SlotStamp> | undefined;
      if (format === "docx") {
        if (!ids.length) file = { format, bytes: await docx.writeDocx(doc, named), render };
        else {
          // Stamped so `narrative pull` can tell an edit in Word from a newer narrative file.
          const { stampParts } = await import("../narrative/stamp.js");
          file = { format, render, bytes: await docx.writeDocx(doc, { ...named, addParts: (xml) => {
            const stamped = stampParts(xml, who, narrative);
            stamps = stamped.slots;
            return stamped.parts;
          } }) };
          slots = stamps;
        }
      } else file = { format, render, ...(await pdf.layoutPdf(doc, named)) };
      out.push(file);
      recent.set(render, { bytes: file.bytes, ...(file.pages !== undefined ? { pages: file.pages } : {}), ...(stamps ? { slots: stamps } : {}) });
    }
    return { diagnostics, title: doc.meta.title, fills: doc.fills, notes: doc.notes, quiet: made.diagnostics.length === 0, files: out, ...(slots ? { slots } : {}) };
  };
}

/**
 * The files of a job when every one of them is in out/ as the last build made it from the same
 * text (render key), with its document's fills and notes recorded: read back, never laid out.
 */
function keptFromText(formats: readonly Format[], keys: ReadonlyMap<Format, string>, reusable: readonly ReusableOutput[]):
  { files: RenderedFile[]; fills: number; notes: string[]; slots?: Record<string, SlotStamp> } | undefined {
  const files: RenderedFile[] = [];
  let recorded: { fills: number; notes: string[] } | undefined;
  let slots: Record<string, SlotStamp> | undefined;
  for (const format of formats) {
    const kept = keptFile(reusable, format, keys.get(format)!, (r) => r.fills !== undefined && (format === "docx" || r.pages !== undefined));
    if (!kept) return undefined;
    recorded ??= { fills: kept.from.fills!, notes: kept.from.notes ?? [] };
    if (format === "docx" && kept.from.slots) slots = kept.from.slots;
    files.push(kept.file);
  }
  return recorded && { files, ...recorded, ...(slots ? { slots } : {}) };
}

/**
 * The file in out/ for `format`, when the plan offered one with this render key that `usable`
 * accepts and it still holds the bytes the plan found.
 */
function keptFile(reusable: readonly ReusableOutput[], format: Format, render: string, usable: (r: ReusableOutput) => boolean):
  { file: RenderedFile; from: ReusableOutput } | undefined {
  const from = reusable.find((r) => r.format === format && r.render === render && usable(r));
  const bytes = from && readUnchanged(from);
  return from && bytes ? { from, file: { format, bytes, render, reused: true, ...(from.pages !== undefined ? { pages: from.pages } : {}) } } : undefined;
}

/**
 * The bytes of a reusable output, if the file still holds what the plan found (it is read again
 * here, after the plan, so a file changed meanwhile is laid out afresh instead).
 */
function readUnchanged(r: ReusableOutput): Uint8Array | undefined {
  try {
    const bytes = new Uint8Array(readFileSync(r.file));
    return sha256(bytes) === r.sha256 ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the render side and lays out a one-line document in each language, so that the first
 * real rebuild of a watch session pays for the edit, not for module loading, font parsing and
 * hyphenation patterns. Runs in whichever thread will render (a worker of a kept pool, or this one).
 */
export async function warmRenderer(langs: readonly ("bg" | "en")[]): Promise<void> {
  const [{ layoutPdf }, render] = await Promise.all([import("../writers/pdf/index.js"), import("../render/index.js"),
    import("../narrative/insert.js"), import("../writers/docx/index.js"), import("../model/index.js")]);
  for (const lang of langs) {
    const made = render.renderDocument({ template: "---\ntitle: warm\n---\n\n# Warm\n\nText.\n", templatePath: "warm.md.hbs", partials: {},
      labels: {}, context: {}, lang });
    if (made.document) await layoutPdf(made.document);
  }
}

type RendererOptions = Parameters<typeof import("../render/index.js").documentTextRenderer>[0];

/**
 * Compiled template sets outlive one build: `apply build --watch` rebuilds in the same process, and
 * an edit to the data must not pay for compiling unchanged templates again. The key is the sets'
 * whole text, so an edited template, partial or label is compiled afresh.
 */
const compiled = new Map<string, DocumentTextRenderer>();
const KEEP_COMPILED = 64;

function compiledRenderer(opts: RendererOptions, make: (o: RendererOptions) => DocumentTextRenderer): DocumentTextRenderer {
  const key = JSON.stringify([opts.lang, opts.currency, opts.templatePath, opts.template, opts.labels,
    Object.entries(opts.partials).sort(([a], [b]) => byCodeUnits(a, b))]);
  let renderer = compiled.get(key);
  if (!renderer) {
    renderer = make(opts);
    if (compiled.size >= KEEP_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, renderer);
  }
  return renderer;
}

/** A template, partial or labels file in the application folder must not link out of it (issue 6). */
function linkOutside(projectDir: string, ownDir: string | undefined,
  set: { template: { path: string }; partials: Record<string, { path: string }>; labelsPath: string }): Diagnostic | undefined {
  if (!ownDir || !ownDir.startsWith(projectDir)) return undefined;
  const used = [set.template.path, ...Object.values(set.partials).map((x) => x.path), ...(set.labelsPath ? [set.labelsPath] : [])];
  for (const p of used) {
    if (p.startsWith(ownDir) && !isInside(projectDir, p)) {
      return { ruleId: "template-outside", severity: "error", file: relative(projectDir, p),
        message: `template ${relative(projectDir, p)} links to a file outside the application folder`,
        hint: "copy the file into the application's templates/ folder instead of linking to it" };
    }
  }
  return undefined;
}
