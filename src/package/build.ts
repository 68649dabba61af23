/**
 * `edih apply build` as a library call: validate → plan → render changed documents → write
 * atomically → merge per-language packages → manifest. Heavy modules (Handlebars, docx, pdfmake,
 * pdf-lib) are imported lazily, here and not by callers.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { UsageError } from "../errors.js";
import type { CallPack } from "../calls/index.js";
import type { Application } from "../schema/index.js";
import { validateProject, type Stage, type ValidateResult } from "../validate.js";
import { toolVersion } from "../version.js";
import { textIn } from "../model/text.js";
import { sha256 } from "./hash.js";
import { bookmarkTitle, inputParts, inputsHash, packageInputsHash, templateHasher, templateSearchPath, type InputParts } from "./inputs.js";
import { renderAll, type RenderTask } from "./render-pool.js";
import type { Format } from "./render-job.js";
import { MANIFEST_FILE, PENDING_FILE, readManifestFile, readPending, serializeManifest, type Manifest, type ManifestOutput } from "./manifest.js";
import { planJobs, type Job } from "./plan.js";
import { outputState, type OutputState } from "./protect.js";
import { isInside } from "../inside.js";
import { ATOMIC_TEMP, writeFileAtomic } from "../write-atomic.js";

export type { Format } from "./render-job.js";

export interface BuildOptions {
  /** Output folder; relative paths are taken from `cwd`. Default `<dir>/out`. */
  out?: string;
  cwd?: string;
  langs?: string[];
  only?: string[];
  stage?: Stage;
  call?: string;
  /** Folder of call packs instead of the installation's data/calls (a pack under development, tests). */
  callsDir?: string;
  formats?: Format[];
  /** Build despite errors, marking every page "DRAFT — N errors". */
  draft?: boolean;
  /** Overwrite outputs that were edited by hand. */
  force?: boolean;
  /** Allow `--out` outside the application folder. */
  allowOutside?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  done: number;
  total: number;
  current: string;
}

export interface BuildReport {
  outDir: string;
  validation: ValidateResult;
  /** Validation plus build problems (templates, page limits, edited outputs). */
  diagnostics: Diagnostic[];
  /** True when validation errors stopped the build (no --draft). */
  stopped: boolean;
  written: string[];
  /** What each written file is (document, language, partner), in the order written. */
  writtenOutputs: ManifestOutput[];
  skipped: string[];
  /** Outputs not overwritten because they were edited by hand. */
  kept: string[];
  /** Outputs of an earlier build the plan no longer has (a partner removed, a document dropped). */
  removed: string[];
  /** Fill-in markers per output base (narrative or facts still to write). */
  fills: Record<string, number>;
  /** Notes from the tool per output (`bg/part-b`): what to check before submitting, outside the documents. */
  notes: Record<string, string[]>;
  pages: Record<string, number>;
  /** Worker threads that rendered this build (0: the build's own thread). */
  renderWorkers: number;
}

export async function buildPackage(dir: string, opts: BuildOptions = {}): Promise<BuildReport> {
  const cwd = opts.cwd ?? process.cwd();
  const projectDir = resolve(cwd, dir);
  const outDir = opts.out ? resolve(cwd, opts.out) : join(projectDir, "out");
  if (!opts.allowOutside && !isInside(projectDir, outDir)) {
    throw new UsageError(`--out ${opts.out} is outside the application folder ${dir}`,
      "write inside the application folder, or pass --allow-outside to write there on purpose");
  }
  const validation = await validateProject(projectDir, { ...(opts.stage ? { stage: opts.stage } : {}), ...(opts.call ? { call: opts.call } : {}),
    ...(opts.callsDir ? { callsDir: opts.callsDir } : {}) });
  const report: BuildReport = { outDir, validation, diagnostics: [...validation.diagnostics], stopped: false,
    written: [], writtenOutputs: [], skipped: [], kept: [], removed: [], fills: {}, notes: {}, pages: {}, renderWorkers: 0 };
  if (validation.usage) throw new UsageError(validation.usage.message, validation.usage.hint);
  const app = validation.application;
  const pack = validation.callPack;
  // A wrong --only is a typing mistake whatever state the data is in.
  if (pack) checkOnly(pack, opts.only);
  if (app) checkLangs(app.languages, opts.langs);
  const errors = validation.diagnostics.filter((d) => d.severity === "error").length;
  if (!app || !pack || (errors > 0 && !opts.draft)) {
    report.stopped = true;
    return report;
  }
  const draft = errors > 0 ? { errors } : null;
  const formats = opts.formats ?? ["docx", "pdf"];
  const hashEnv = { app, pack, draftErrors: draft ? draft.errors : null };

  const templateDirs = templateSearchPath(projectDir);
  const allJobs = planJobs(app, pack.documents, opts.langs ? { langs: opts.langs } : {});
  const jobs = opts.only ? allJobs.filter((j) => opts.only!.includes(j.document)) : allJobs;

  mkdirSync(outDir, { recursive: true });
  removeStaleTemps(outDir);
  const { manifest: previous, text: previousText } = readManifestFile(outDir);
  const pending = readPending(outDir);
  const out: OutFolder = { dir: outDir, previous, hashes: new Map(),
    stateOf: (path) => outputState(outDir, path, previous, pending, out.hashes) };
  const staged: { path: string; bytes: Uint8Array; entry: ManifestOutput }[] = [];
  const carried = new Map<string, ManifestOutput>();
  const templateFiles = templateHasher(templateDirs);
  const inputFiles: Record<string, string> = {};
  for (const f of validation.project?.files ?? []) inputFiles[`application/${f.path}`] = f.sha256;
  for (const f of pack.files) inputFiles[`call/${basename(f)}`] = sha256(readFileSync(f));
  // Every template of the plan, not only of this run's --only/--lang, so the manifest stays the same.
  for (const job of allJobs) Object.assign(inputFiles, templateFiles(job.document, job.lang)?.files ?? {});

  // 1. Decide, without rendering, which files each job must (re)write.
  const tasks: (RenderTask & { inputs: string; parts: InputParts | undefined })[] = [];
  for (const job of jobs) {
    const templates = templateFiles(job.document, job.lang);
    const parts = templates ? inputParts(hashEnv, job, templates) : undefined;
    const inputs = parts ? inputsHash(parts) : "";
    const todo: Format[] = [];
    for (const format of formats) {
      const path = `${job.base}.${format}`;
      const prev = previous?.outputs.find((o) => o.path === path);
      const state = out.stateOf(path);
      if (prev && parts && prev.inputs === inputs && (state === "unchanged" || (state === "edited" && !opts.force))) {
        // Nothing to rebuild; a hand edit of an up-to-date file is the consultant's business (`apply status` shows it).
        carried.set(path, prev);
        (state === "edited" ? report.kept : report.skipped).push(path);
        if (prev.pages !== undefined) report.pages[path] = prev.pages;
        continue;
      }
      if ((state === "edited" || state === "unknown") && !opts.force) {
        report.kept.push(path);
        if (prev) carried.set(path, prev);
        report.diagnostics.push(editedDiagnostic(outDir, path, state));
        continue;
      }
      todo.push(format);
    }
    if (todo.length) tasks.push({ job, formats: todo, inputs, parts });
  }

  // 2. Render what changed (on every core for large builds).
  const total = tasks.length;
  opts.onProgress?.({ done: 0, total, current: tasks[0]?.job.base ?? "" });
  const { results, workers } = await renderAll(tasks, { app, pack, projectDir, templateDirs, draft },
    (task, done) => opts.onProgress?.({ done, total, current: task.job.base }));
  report.renderWorkers = workers;

  // 3. Stage the results in plan order.
  tasks.forEach((task, i) => {
    const result = results[i]!;
    report.diagnostics.push(...result.diagnostics);
    if (result.fills !== undefined) report.fills[task.job.base] = result.fills;
    if (result.notes?.length) report.notes[task.job.base] = result.notes;
    for (const file of result.files) {
      const path = `${task.job.base}.${file.format}`;
      const entry: ManifestOutput = { path, sha256: sha256(file.bytes), size: file.bytes.length, document: task.job.document,
        lang: task.job.lang, ...(task.job.partner ? { partner: task.job.partner } : {}), format: file.format,
        inputs: task.inputs, parts: task.parts!, ...(result.title !== undefined ? { title: result.title } : {}),
        ...(file.pages !== undefined ? { pages: file.pages } : {}),
        ...(file.format === "docx" && result.slots ? { slots: result.slots } : {}) };
      if (file.pages !== undefined) report.pages[path] = file.pages;
      staged.push({ path, bytes: file.bytes, entry });
    }
  });
  opts.onProgress?.({ done: total, total, current: "package" });

  if (formats.includes("pdf")) {
    for (const lang of app.languages.filter((l) => !opts.langs || opts.langs.includes(l))) {
      const merged = await mergePackage(lang, allJobs, staged, carried, out, app, pack, opts.force ?? false, report);
      if (merged) staged.push(merged);
    }
  }
  report.diagnostics.push(...pageLimitDiagnostics(pack, report.pages));

  commit(outDir, staged, pending, report);
  const outputs = [...carried.values(), ...staged.map((s) => s.entry)]
    .filter((o, i, all) => all.findIndex((x) => x.path === o.path) === i);
  const planned = new Set(allJobs.flatMap((j) => [`${j.base}.docx`, `${j.base}.pdf`]));
  const partial = Boolean(opts.only || opts.langs || formats.length < 2);
  for (const o of previous?.outputs ?? []) {
    if (outputs.some((x) => x.path === o.path) || !existsSync(join(outDir, o.path))) continue;
    if (!partial && !planned.has(o.path) && !/^package-/.test(o.path) && ["unchanged", "interrupted"].includes(out.stateOf(o.path))) {
      // A file of a partner or document no longer in the application could be filed by mistake.
      rmSync(join(outDir, o.path));
      report.removed.push(o.path);
      continue;
    }
    // Outputs of documents this run did not plan (--only, --lang) stay recorded as they were.
    outputs.push(o);
  }
  const manifest: Manifest = { tool: { name: "edih", version: toolVersion() }, call: pack.id, stage: opts.stage ?? "draft",
    draft: draft !== null, inputs: inputFiles, outputs };
  const text = serializeManifest(manifest);
  // Left untouched when nothing changed, so a no-op build writes nothing at all.
  if (previousText !== text) writeFileAtomic(join(outDir, MANIFEST_FILE), text);
  rmSync(join(outDir, PENDING_FILE), { force: true });
  return report;
}

function checkOnly(pack: CallPack, only: readonly string[] | undefined): void {
  for (const id of only ?? []) {
    if (!pack.documents.some((d) => d.id === id)) {
      throw new UsageError(`--only ${id}: the call ${pack.id} has no such document`, `documents: ${pack.documents.map((d) => d.id).join(", ")}`);
    }
  }
}

/** --lang names a language the application is not written in: nothing to build, so a usage error. */
function checkLangs(languages: readonly string[], langs: readonly string[] | undefined): void {
  for (const l of langs ?? []) {
    if (!languages.includes(l)) {
      throw new UsageError(`--lang ${l}: the application is written in ${languages.join(", ")} only (languages: in edih.yaml)`,
        `use --lang ${languages.join(" or --lang ")}, or add ${l} to languages: and its texts`);
    }
  }
}

function editedDiagnostic(outDir: string, path: string, state: "edited" | "unknown"): Diagnostic {
  const shown = join(relative(process.cwd(), outDir) || ".", path);
  return state === "edited"
    ? { ruleId: "edited-output", severity: "error", file: shown,
        message: `${shown} was changed by hand since the last build; not overwritten`,
        hint: `keep the edit: move it away (e.g. to ${shown.replace(/(\.\w+)$/, ".edited$1")}) and build again; discard it: build with --force` }
    : { ruleId: "edited-output", severity: "error", file: shown,
        message: `${shown} exists but was not written by edih (no record in ${MANIFEST_FILE}); not overwritten`,
        hint: "move the file away, or build with --force to replace it" };
}

/** The out folder as this build found it. */
interface OutFolder {
  dir: string;
  previous: Manifest | undefined;
  /** sha256 of the files of out/ read so far (by outputState), by path. */
  hashes: Map<string, string>;
  stateOf(path: string): OutputState;
}

async function mergePackage(lang: "bg" | "en", jobs: Job[], staged: { path: string; bytes: Uint8Array; entry: ManifestOutput }[],
  carried: Map<string, ManifestOutput>, out: OutFolder, app: Application, pack: CallPack,
  force: boolean, report: BuildReport): Promise<{ path: string; bytes: Uint8Array; entry: ManifestOutput } | undefined> {
  const outDir = out.dir;
  const parts: { title: string; path: string; sha: string }[] = [];
  // The package holds the files as they are in out/ (a PDF kept after a hand edit included);
  // those already hashed are read again only if the package has to be merged.
  const bytesOf = new Map<string, Uint8Array>();
  const bytes = (path: string): Uint8Array => {
    let b = bytesOf.get(path);
    if (!b) bytesOf.set(path, (b = readFileSync(join(outDir, path))));
    return b;
  };
  for (const job of jobs.filter((j) => j.lang === lang)) {
    const path = `${job.base}.pdf`;
    const fresh = staged.find((s) => s.path === path);
    const entry = fresh?.entry ?? carried.get(path) ?? out.previous?.outputs.find((o) => o.path === path);
    if (!entry || (!fresh && !existsSync(join(outDir, path)))) return undefined;
    if (fresh) bytesOf.set(path, fresh.bytes);
    const sha = fresh?.entry.sha256 ?? out.hashes.get(path) ?? sha256(bytes(path));
    parts.push({ title: bookmarkTitle(app, job, entry.title), path, sha });
  }
  const path = `package-${lang}.pdf`;
  const inputs = packageInputsHash(parts);
  const prev = out.previous?.outputs.find((o) => o.path === path);
  const state = out.stateOf(path);
  if (prev && prev.inputs === inputs && state === "unchanged") {
    carried.set(path, prev);
    report.skipped.push(path);
    return undefined;
  }
  if ((state === "edited" || state === "unknown") && !force) {
    report.kept.push(path);
    if (prev) carried.set(path, prev);
    report.diagnostics.push(editedDiagnostic(outDir, path, state));
    return undefined;
  }
  const { mergePdfs } = await import("../writers/pdf/post.js");
  const merged = await mergePdfs(parts.map((p) => ({ title: p.title, bytes: bytes(p.path) })),
    { title: `${textIn(app.hub.name, lang) ?? ""} — ${pack.title[lang]}`, lang, author: textIn(app.hub.name, lang) ?? "" });
  return { path, bytes: merged, entry: { path, sha256: sha256(merged), size: merged.length, document: "package", lang, format: "pdf", inputs, title: pack.title[lang] } };
}

function pageLimitDiagnostics(pack: CallPack, pages: Record<string, number>): Diagnostic[] {
  const limit = pack.limits.part_b_pages;
  if (limit === undefined) return [];
  const fact = pack.facts["part_b_max_pages"];
  const confirmed = fact?.status === "V";
  const out: Diagnostic[] = [];
  for (const [path, n] of Object.entries(pages)) {
    if (!/(^|\/)part-b\.pdf$/.test(path) || n <= limit) continue;
    out.push({ ruleId: "page-limit", severity: confirmed ? "error" : "warning", file: path,
      message: `Part B has ${n} pages, ${n - limit} over the call's limit of ${limit}${confirmed ? "" : " (limit unconfirmed [I])"}; pages beyond the limit are not evaluated`,
      hint: "shorten the narrative, or move tables to annexes",
      source: `call pack ${pack.id}, fact part_b_max_pages${fact?.sources ? ` (${fact.sources.join(", ")})` : ""}` });
  }
  return out;
}

/**
 * Moves staged outputs into place. The new hashes are recorded in a pending file first, so a
 * build killed half-way leaves files that the next build recognises as its own, not as hand edits.
 */
function commit(outDir: string, staged: { path: string; bytes: Uint8Array; entry: ManifestOutput }[],
  pending: Record<string, string>, report: BuildReport): void {
  if (staged.length === 0) return;
  const next = { ...pending };
  for (const s of staged) next[s.path] = s.entry.sha256;
  writeFileAtomic(join(outDir, PENDING_FILE), JSON.stringify(next, null, 2));
  for (const s of staged) {
    writeFileAtomic(join(outDir, s.path), s.bytes);
    report.written.push(s.path);
    report.writtenOutputs.push(s.entry);
  }
}

/** Temp files of a build that was killed: never the user's files (they start with "." and end in .tmp). */
function removeStaleTemps(outDir: string): void {
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (ATOMIC_TEMP.test(name)) rmSync(p, { force: true });
    }
  };
  walk(outDir);
}
