/**
 * `edih apply build` as a library call: validate → plan → render changed documents → write
 * atomically → merge per-language packages → manifest. Heavy modules (Handlebars, docx, pdfmake,
 * pdf-lib) are imported lazily, here and not by callers.
 */
import { lstatSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { StateError, UsageError } from "../errors.js";
import type { CallPack } from "../calls/index.js";
import type { Application } from "../schema/index.js";
import type { ParsedInputs } from "../load/parsed-cache.js";
import { validateProject, type Stage, type ValidateResult } from "../validate/index.js";
import { toolVersion } from "../domain/install.js";
import { buildCacheDir } from "../domain/app-cache.js";
import { textIn } from "../model/text.js";
import { sha256 } from "../domain/hash.js";
import type { InputParts } from "../output/manifest.js";
import { bookmarkTitle, packageInputsHash } from "./inputs.js";
import { renderAll, type RenderPool } from "./render-pool.js";
import type { Format, ReusableOutput } from "./render-job.js";
import { MANIFEST_FILE, PENDING_FILE, rememberManifest, serializeManifest, type Manifest, type ManifestOutput } from "../output/manifest.js";
import type { Job } from "../model/jobs.js";
import { removeStaleTemps, saveKeptHashes, type DiskEntry } from "../output/disk.js";
import { acquireLock } from "../output/lock.js";
import { isBlocking, type Decision } from "./plan-outputs.js";
import { keptHashesFile, preparePlan, type PreparedPlan } from "./prepare.js";
import { isInside } from "../inside.js";
import { writeFileAtomic } from "../write-atomic.js";

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
  /**
   * false: lay out every file the build writes, reusing neither the unchanged files in out/
   * (render-key.ts) nor what this process rendered before (render-memo.ts). For a build that
   * another is compared with, and for when a reused file is in doubt.
   */
  reuse?: boolean;
  /** Allow `--out` outside the application folder. */
  allowOutside?: boolean;
  onProgress?: (event: ProgressEvent) => void;
  /** Plan only: read out/ and report the decisions, write nothing (no folder, no lock). */
  dryRun?: boolean;
  /**
   * Render and write the PDFs first — those of the documents with narrative files before the
   * others — calling this after each set is written (milliseconds since the build started, the
   * paths written), then the DOCX and the merged packages: `apply build --watch` shows the edited
   * PDF without waiting for the rest. Not called when no PDF is rendered.
   */
  onPdfsWritten?: (ms: number, paths: string[]) => void;
  /** Worker threads kept open between builds (`apply build --watch`), warm from the last one. */
  pool?: RenderPool;
  /** Input files parsed by earlier builds of this process (`apply build --watch`). */
  parsedInputs?: ParsedInputs;
  /**
   * Awaited before the first file is written, and before a build stopped by invalid data reports:
   * the watch loop starts building at the first change of a save and throws here when the save
   * went on after the build read its inputs (watch.ts SupersededError).
   */
  settled?: () => Promise<void>;
}

/** Where a build's time went, in milliseconds (`apply build --watch --verbose` prints it). */
export interface BuildTimings {
  validate: number;
  plan: number;
  /** Rendering (templates, Markdown, layout) by format. */
  pdf: number;
  docx: number;
  /** Merging the per-language packages. */
  packages: number;
  /** Writing files and the manifest. */
  write: number;
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
  /** One decision per output, with its reason: what this build did (or, with dryRun, would do). */
  plan: Decision[];
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
  /** Written outputs whose writers did not run: what they were given was unchanged (render-key.ts). */
  reused: string[];
  /** Worker threads that rendered this build (0: the build's own thread). */
  renderWorkers: number;
  timings: BuildTimings;
}

export async function buildPackage(dir: string, opts: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const projectDir = resolve(cwd, dir);
  const outDir = opts.out ? resolve(cwd, opts.out) : join(projectDir, "out");
  if (!opts.allowOutside && !isInside(projectDir, outDir)) {
    throw new UsageError(`--out ${opts.out} is outside the application folder ${dir}`,
      "write inside the application folder, or pass --allow-outside to write there on purpose");
  }
  const { validation, ready } = await validateForBuild(projectDir, opts);
  const timings: BuildTimings = { validate: performance.now() - started, plan: 0, pdf: 0, docx: 0, packages: 0, write: 0 };
  const report: BuildReport = { outDir, validation, diagnostics: [...validation.diagnostics], stopped: false, plan: [],
    written: [], writtenOutputs: [], skipped: [], kept: [], removed: [], reused: [], fills: {}, notes: {}, pages: {}, renderWorkers: 0, timings };
  if (validation.usage) throw new UsageError(validation.usage.message, validation.usage.hint);
  const app = validation.application;
  const pack = validation.callPack;
  // A wrong --only is a typing mistake whatever state the data is in.
  if (pack) checkOnly(pack, opts.only);
  if (app) checkLangs(app.languages, opts.langs);
  if (!app || !pack || !ready) {
    await opts.settled?.();
    report.stopped = true;
    return report;
  }
  const { draft } = ready;
  const formats = opts.formats ?? ["docx", "pdf"];
  const request = { app, pack, validation, projectDir, outDir, draftErrors: draft ? draft.errors : null,
    ...(opts.langs ? { langs: opts.langs } : {}), ...(opts.only ? { only: opts.only } : {}), formats, force: opts.force ?? false };

  if (opts.dryRun) {
    // Reads out/ as it is and writes nothing, not even the folder or the lock.
    const plan = preparePlan(request);
    report.plan = plan.decisions;
    report.diagnostics.push(...planDiagnostics(cwd, outDir, plan));
    return report;
  }

  mkdirSync(outDir, { recursive: true });
  const lock = acquireLock(outDir);
  try {
    refuseOddBookkeeping(cwd, outDir);
    removeStaleTemps(outDir);
    // Planned under the lock: the state it reads is the state this build replaces.
    const planStarted = performance.now();
    const plan = preparePlan(request);
    timings.plan = performance.now() - planStarted;
    report.plan = plan.decisions;
    await executePlan(plan, { app, pack, projectDir, outDir, cwd, draft, formats, force: opts.force ?? false, reuse: opts.reuse ?? true, stage: opts.stage ?? "draft",
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.pool ? { pool: opts.pool } : {}),
      ...(opts.settled ? { settled: opts.settled } : {}),
      ...(opts.onPdfsWritten ? { onPdfsWritten: (paths: string[]) => opts.onPdfsWritten!(performance.now() - started, paths) } : {}) }, report);
  } finally {
    lock.release();
  }
  return report;
}

/**
 * Validation as a build runs it, and, when the data builds (valid, or --draft), what it renders
 * with: the draft mark's error count, null for a clean build. Shared with package/rehearse.ts.
 */
export async function validateForBuild(projectDir: string, opts: Pick<BuildOptions, "stage" | "call" | "callsDir" | "parsedInputs" | "draft">):
  Promise<{ validation: ValidateResult; ready?: { app: Application; pack: CallPack; draft: { errors: number } | null } }> {
  const validation = await validateProject(projectDir, { ...(opts.stage ? { stage: opts.stage } : {}), ...(opts.call ? { call: opts.call } : {}),
    ...(opts.callsDir ? { callsDir: opts.callsDir } : {}), ...(opts.parsedInputs ? { parsedInputs: opts.parsedInputs } : {}) });
  const { application: app, callPack: pack } = validation;
  const errors = validation.diagnostics.filter((d) => d.severity === "error").length;
  if (!app || !pack || validation.usage || (errors > 0 && !opts.draft)) return { validation };
  return { validation, ready: { app, pack, draft: errors > 0 ? { errors } : null } };
}

interface ExecuteEnv {
  app: Application;
  pack: CallPack;
  projectDir: string;
  outDir: string;
  /** What paths in messages are shown relative to. */
  cwd: string;
  draft: { errors: number } | null;
  formats: Format[];
  force: boolean;
  reuse: boolean;
  stage: Stage;
  onProgress?: (event: ProgressEvent) => void;
  onPdfsWritten?: (paths: string[]) => void;
  pool?: RenderPool;
  settled?: () => Promise<void>;
}

/** Carries out the plan's decisions: render, carry, keep, remove, refuse — and nothing else. */
async function executePlan(plan: PreparedPlan, env: ExecuteEnv, report: BuildReport): Promise<void> {
  const { app, pack, outDir, cwd } = env;
  const previous = plan.manifest.manifest;
  const recorded = new Map((previous?.outputs ?? []).map((o) => [o.path, o]));
  report.diagnostics.push(...planDiagnostics(cwd, outDir, plan));
  const staged: Staged[] = [];
  const carried = new Map<string, ManifestOutput>();
  const toRender = new Map<string, { job: Job; formats: Format[]; inputs: string; parts: InputParts | undefined; reusable: ReusableOutput[] }>();
  for (const d of plan.decisions) {
    const doc = plan.documents.get(d.path);
    const prev = recorded.get(d.path);
    if (d.action === "carry" || (d.action === "keep" && prev)) {
      if (prev) carried.set(d.path, prev);
      if (prev?.pages !== undefined) report.pages[d.path] = prev.pages;
    }
    if (d.action === "carry") report.skipped.push(d.path);
    else if (d.action === "keep" && d.code !== "incomplete") report.kept.push(d.path);
    else if (d.action === "render" && doc) {
      const task = toRender.get(doc.job.base) ?? { job: doc.job, formats: [], inputs: doc.inputs, parts: doc.parts, reusable: [] };
      task.formats.push(doc.format);
      const reusable = env.reuse && d.code === "stale" && prev ? reusableOutput(outDir, prev, plan.disk.get(d.path)) : undefined;
      if (reusable) task.reusable.push(reusable);
      toRender.set(doc.job.base, task);
    }
  }
  const tasks = [...toRender.values()];
  const timings = report.timings;

  // Render what changed (on every core for large builds). With onPdfsWritten (the watch loop) the
  // PDFs come first and are written as soon as they are rendered: first those of the documents the
  // consultant writes in (a folder in narrative/), then the others; the DOCX after.
  type Task = (typeof tasks)[number];
  const pick = (formats: Format[], wanted: (t: Task) => boolean) => tasks.filter(wanted)
    .map((t) => ({ ...t, formats: t.formats.filter((f) => formats.includes(f)) })).filter((t) => t.formats.length);
  const written = new Set(plan.narrative.map((f) => f.document));
  const rounds: { formats: Format[]; batch: Task[]; writeNow: boolean }[] = env.onPdfsWritten
    ? [{ formats: ["pdf"], batch: pick(["pdf"], (t) => written.has(t.job.document)), writeNow: true },
      { formats: ["pdf"], batch: pick(["pdf"], (t) => !written.has(t.job.document)), writeNow: true },
      { formats: ["docx"], batch: pick(["docx"], () => true), writeNow: false }]
    : [{ formats: ["docx", "pdf"], batch: pick(["docx", "pdf"], () => true), writeNow: false }];
  const total = rounds.reduce((n, r) => n + r.batch.length, 0);
  let done = 0;
  let pending = plan.pending;
  let committed = 0;
  let renderedBefore = false;
  env.onProgress?.({ done: 0, total, current: tasks[0]?.job.base ?? "" });
  // The render threads keep parsed Markdown sections between runs (render/parse-cache.ts).
  const sectionStore = buildCacheDir(env.projectDir, "md");
  for (const { formats, batch, writeNow } of rounds) {
    if (!batch.length) continue;
    const renderStarted = performance.now();
    // Nothing to render (the usual rebuild): the render side, templates and fonts are never loaded.
    const { results, workers } = await renderAll(batch,
      { app, pack, projectDir: env.projectDir, templateDirs: plan.templateDirs, draft: env.draft, narrative: plan.narrative, reuse: env.reuse,
        ...(sectionStore ? { sectionStore } : {}) },
      (task) => env.onProgress?.({ done: ++done, total, current: task.job.base }), env.pool);
    report.renderWorkers = Math.max(report.renderWorkers, workers);
    const fresh: Staged[] = [];
    // Stage the results in plan order.
    // A document rendered in two rounds (its PDF, then its DOCX) reports its template's problems once.
    const seen = renderedBefore ? new Set(report.diagnostics.map((d) => JSON.stringify(d))) : undefined;
    renderedBefore = true;
    batch.forEach((task, i) => {
      const result = results[i]!;
      report.diagnostics.push(...result.diagnostics.filter((d) => !seen?.has(JSON.stringify(d))));
      if (result.fills !== undefined) report.fills[task.job.base] = result.fills;
      if (result.notes?.length) report.notes[task.job.base] = result.notes;
      for (const file of result.files) {
        const path = `${task.job.base}.${file.format}`;
        const entry: ManifestOutput = { path, sha256: sha256(file.bytes), size: file.bytes.length, document: task.job.document,
          lang: task.job.lang, ...(task.job.partner ? { partner: task.job.partner } : {}), format: file.format,
          inputs: task.inputs, parts: task.parts!, ...(result.title !== undefined ? { title: result.title } : {}),
          ...(file.pages !== undefined ? { pages: file.pages } : {}),
          ...(file.format === "docx" && result.slots ? { slots: result.slots } : {}), render: file.render,
          ...(result.quiet && result.fills !== undefined ? { fills: result.fills, notes: result.notes ?? [] } : {}) };
        if (file.reused) report.reused.push(path);
        if (file.pages !== undefined) report.pages[path] = file.pages;
        fresh.push({ path, bytes: file.bytes, entry });
      }
    });
    const rendered = performance.now();
    for (const format of formats) if (batch.some((t) => t.formats.includes(format))) timings[format] += (rendered - renderStarted) / formats.length;
    staged.push(...fresh);
    if (writeNow && env.onPdfsWritten) {
      if (!committed) await env.settled?.();
      pending = commit(outDir, fresh, pending, report);
      committed = staged.length;
      timings.write += performance.now() - rendered;
      env.onPdfsWritten(fresh.map((s) => s.path));
    }
  }
  env.onProgress?.({ done: total, total, current: "package" });

  const mergeStarted = performance.now();
  for (const d of plan.decisions) {
    const lang = plan.packages.get(d.path);
    if (!lang || d.action !== "render") continue;
    const merged = await mergePackage(lang, plan, staged, carried, app, pack, report);
    if (merged) staged.push(merged);
  }
  report.diagnostics.push(...pageLimitDiagnostics(pack, report.pages));
  const writeStarted = performance.now();
  timings.packages = writeStarted - mergeStarted;
  // Asked once, before the first write: after it, a change is the next rebuild's business.
  if (!committed) await env.settled?.();

  commit(outDir, staged.slice(committed), pending, report);
  const outputs = [...carried.values(), ...staged.map((s) => s.entry)]
    .filter((o, i, all) => all.findIndex((x) => x.path === o.path) === i);
  const decided = new Map(plan.decisions.map((d) => [d.path, d]));
  for (const d of plan.decisions) {
    if (d.action !== "remove") continue;
    // The plan only removes what lstat found to be a plain file recorded with this very hash.
    rmSync(join(outDir, d.path));
    report.removed.push(d.path);
  }
  for (const o of previous?.outputs ?? []) {
    // Outputs this run did not plan (--only, --lang), could not render or refused to merge stay
    // recorded as they were while they are still plain files, so they never turn "unknown".
    if (outputs.some((x) => x.path === o.path) || decided.get(o.path)?.action === "remove") continue;
    if (plan.disk.get(o.path)?.kind !== "file") continue;
    outputs.push(o);
  }
  const manifest: Manifest = { tool: { name: "edih", version: toolVersion() }, call: pack.id, stage: env.stage,
    draft: env.draft !== null, inputs: plan.inputFiles, outputs };
  const text = serializeManifest(manifest);
  // Left untouched when nothing changed, so a no-op build writes nothing at all.
  if (plan.manifest.text !== text) writeFileAtomic(join(outDir, MANIFEST_FILE), text);
  rmSync(join(outDir, PENDING_FILE), { force: true });
  const kept = keptHashesFile(env.projectDir);
  if (kept) saveKeptHashes(kept, outDir);
  // A kept pool means a watch session: its next rebuild reads this manifest first thing.
  if (env.pool) rememberManifest(text);
  timings.write += performance.now() - writeStarted;
}

/**
 * The manifest and the pending file are replaced by rename: a folder or a link in their place
 * would make the build fail half-way (or replace a link the user made). Refused before anything
 * is written.
 */
function refuseOddBookkeeping(cwd: string, outDir: string): void {
  for (const name of [MANIFEST_FILE, PENDING_FILE]) {
    const info = lstatSync(join(outDir, name), { throwIfNoEntry: false });
    if (!info || info.isFile()) continue;
    const shown = join(relative(cwd, outDir) || ".", name);
    throw new StateError(`${shown} is ${info.isSymbolicLink() ? "a symbolic link" : info.isDirectory() ? "a folder" : "not a regular file"}, where edih keeps its record of the build; nothing was written`,
      `remove ${shown} and build again (files already in the folder are then kept as unknown; --force rewrites them)`);
  }
}

interface Staged {
  path: string;
  bytes: Uint8Array;
  entry: ManifestOutput;
}

/** Errors for outputs the build leaves as they are although it should rewrite them. */
function planDiagnostics(cwd: string, outDir: string, plan: PreparedPlan): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (plan.manifest.problem) {
    const shown = join(relative(cwd, outDir) || ".", MANIFEST_FILE);
    out.push({ ruleId: "manifest-unreadable", severity: "warning", file: shown,
      message: `${shown} is not edih's manifest: ${plan.manifest.problem}; files already in the folder are treated as unknown and kept`,
      hint: "if the folder holds only edih's outputs, build with --force to rewrite them (and a fresh manifest)" });
  }
  for (const d of plan.decisions.filter(isBlocking)) out.push(decisionDiagnostic(cwd, outDir, d));
  return out;
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

function decisionDiagnostic(cwd: string, outDir: string, d: Decision): Diagnostic {
  const shown = join(relative(cwd, outDir) || ".", d.path);
  if (d.action === "refuse") {
    return { ruleId: "unsafe-output", severity: "error", file: shown, message: `${shown}: ${d.reason}`,
      hint: "edih writes only plain files and folders inside the output folder; nothing outside it was touched" };
  }
  return d.code === "edited"
    ? { ruleId: "edited-output", severity: "error", file: shown,
        message: `${shown} was changed by hand since the last build; not overwritten`,
        hint: `keep the edit: move it away (e.g. to ${shown.replace(/(\.\w+)$/, ".edited$1")}) and build again; discard it: build with --force` }
    : { ruleId: "edited-output", severity: "error", file: shown,
        message: `${shown} exists but is ${d.reason.replace(/: a build keeps it.*$/, "")}; not overwritten`,
        hint: "move the file away, or build with --force to replace it" };
}

async function mergePackage(lang: "bg" | "en", plan: PreparedPlan, staged: Staged[], carried: Map<string, ManifestOutput>,
  app: Application, pack: CallPack, report: BuildReport): Promise<Staged | undefined> {
  const outDir = report.outDir;
  const previous = plan.manifest.manifest;
  const parts: { title: string; path: string; sha: string }[] = [];
  // The package holds the files as they are in out/ (a PDF kept after a hand edit included);
  // only a plain file the plan lstat-ed is read.
  const bytesOf = new Map<string, Uint8Array>();
  for (const job of plan.allJobs.filter((j) => j.lang === lang)) {
    const path = `${job.base}.pdf`;
    const fresh = staged.find((s) => s.path === path);
    const entry = fresh?.entry ?? carried.get(path) ?? previous?.outputs.find((o) => o.path === path);
    const disk = plan.disk.get(path);
    if (!entry || (!fresh && disk?.kind !== "file")) return undefined;
    bytesOf.set(path, fresh ? fresh.bytes : readFileSync(join(outDir, path)));
    const sha = fresh?.entry.sha256 ?? (disk as { sha256: string }).sha256;
    parts.push({ title: bookmarkTitle(app, job, entry.title), path, sha });
  }
  const path = `package-${lang}.pdf`;
  const inputs = packageInputsHash(parts);
  const prev = previous?.outputs.find((o) => o.path === path);
  const disk = plan.disk.get(path);
  if (prev && prev.inputs === inputs && disk?.kind === "file" && disk.sha256 === prev.sha256) {
    // Its parts were rewritten to the same bytes (after an interrupted build, say): nothing to merge.
    carried.set(path, prev);
    report.skipped.push(path);
    return undefined;
  }
  const { mergePdfs } = await import("../writers/pdf/post.js");
  const merged = await mergePdfs(parts.map((p) => ({ title: p.title, bytes: bytesOf.get(p.path)! })),
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
function commit(outDir: string, staged: Staged[],
  pending: Record<string, string>, report: BuildReport): Record<string, string> {
  if (staged.length === 0) return pending;
  const next = { ...pending };
  for (const s of staged) next[s.path] = s.entry.sha256;
  writeFileAtomic(join(outDir, PENDING_FILE), JSON.stringify(next, null, 2));
  for (const s of staged) {
    writeFileAtomic(join(outDir, s.path), s.bytes);
    report.written.push(s.path);
    report.writtenOutputs.push(s.entry);
  }
  return next;
}

/**
 * The file in out/ that a stale output replaces, offered for reuse when the last build recorded
 * what its writers were given and the file is still the one it wrote (the same sha256 as the
 * manifest's): an edited file is never reused, it is rendered (or kept) as before.
 */
function reusableOutput(outDir: string, prev: ManifestOutput, disk: DiskEntry | undefined): ReusableOutput | undefined {
  if (!prev.render || disk?.kind !== "file" || disk.sha256 !== prev.sha256) return undefined;
  return { format: prev.format, file: join(outDir, prev.path), sha256: prev.sha256, render: prev.render,
    ...(prev.pages !== undefined ? { pages: prev.pages } : {}), ...(prev.slots ? { slots: prev.slots } : {}),
    ...(prev.fills !== undefined ? { fills: prev.fills, notes: prev.notes ?? [] } : {}) };
}
