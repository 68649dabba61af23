/**
 * `edih apply status` as a library call: what a build would do to each output, found by hashing
 * inputs exactly as the build does (inputs.ts) and comparing with out/manifest.json. Renders
 * nothing and loads no template engine or writer.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { validateProject, type Stage, type ValidateResult } from "../validate.js";
import { sha256 } from "./hash.js";
import { readNarrative } from "../narrative/load.js";
import { bookmarkTitle, changedParts, inputParts, inputsHash, packageInputsHash, templateHasher, templateSearchPath } from "./inputs.js";
import { MANIFEST_FILE, readManifest, readPending, type ManifestOutput } from "./manifest.js";
import { planJobs } from "./plan.js";
import { outputState } from "./protect.js";

export type OutputStatus = "up-to-date" | "stale" | "edited" | "missing";

export interface StatusEntry {
  path: string;
  status: OutputStatus;
  /** Why, in words: what changed for a stale file, what happened to an edited one. */
  reasons: string[];
}

export interface StatusOptions {
  out?: string;
  cwd?: string;
  stage?: Stage;
  call?: string;
  callsDir?: string;
  /** Compare with what `build --draft` would write (the draft mark is part of every output). */
  draft?: boolean;
}

export interface StatusReport {
  outDir: string;
  validation: ValidateResult;
  /** False when the data cannot be read far enough to plan the package. */
  planned: boolean;
  /** Errors in the data: a build without --draft would stop. */
  errors: number;
  /** The edih version of the last build, if any. */
  lastBuild?: { tool: string; call: string; draft: boolean };
  outputs: StatusEntry[];
  counts: Record<OutputStatus, number>;
}

export async function applicationStatus(dir: string, opts: StatusOptions = {}): Promise<StatusReport> {
  const cwd = opts.cwd ?? process.cwd();
  const projectDir = resolve(cwd, dir);
  const outDir = opts.out ? resolve(cwd, opts.out) : join(projectDir, "out");
  const validation = await validateProject(projectDir, { ...(opts.stage ? { stage: opts.stage } : {}),
    ...(opts.call ? { call: opts.call } : {}), ...(opts.callsDir ? { callsDir: opts.callsDir } : {}) });
  if (validation.usage) throw new UsageError(validation.usage.message, validation.usage.hint);
  const errors = validation.diagnostics.filter((d) => d.severity === "error").length;
  const manifest = readManifest(outDir);
  const report: StatusReport = { outDir, validation, planned: false, errors, outputs: [],
    counts: { "up-to-date": 0, stale: 0, edited: 0, missing: 0 },
    ...(manifest ? { lastBuild: { tool: manifest.tool.version, call: manifest.call, draft: manifest.draft } } : {}) };
  const app = validation.application;
  const pack = validation.callPack;
  if (!app || !pack) return report;
  report.planned = true;

  const pending = readPending(outDir);
  const env = { app, pack, draftErrors: opts.draft && errors > 0 ? errors : null, narrative: readNarrative(projectDir).files };
  const templateFiles = templateHasher(templateSearchPath(projectDir));
  const jobs = planJobs(app, pack.documents);
  const recorded = (path: string) => manifest?.outputs.find((o) => o.path === path);

  const add = (entry: StatusEntry) => {
    report.outputs.push(entry);
    report.counts[entry.status]++;
  };
  const hashes = new Map<string, string>();
  const onDisk = (path: string): StatusEntry | undefined => {
    const state = outputState(outDir, path, manifest, pending, hashes);
    if (state === "missing") return { path, status: "missing", reasons: [] };
    if (state === "interrupted") return { path, status: "stale", reasons: ["written by a build that was interrupted: the next build rewrites it"] };
    if (state === "edited") return { path, status: "edited", reasons: ["changed since the last build: a build keeps it, --force overwrites it"] };
    if (state === "unknown") return { path, status: "edited", reasons: [`not written by edih (no record in ${MANIFEST_FILE}): a build keeps it, --force overwrites it`] };
    return undefined;
  };

  for (const job of jobs) {
    const templates = templateFiles(job.document, job.lang);
    const parts = templates ? inputParts(env, job, templates) : undefined;
    for (const format of ["docx", "pdf"] as const) {
      const path = `${job.base}.${format}`;
      const prev = recorded(path);
      const problem = onDisk(path);
      if (problem) {
        if (problem.status === "edited" && prev && parts && prev.inputs !== inputsHash(parts)) {
          problem.reasons.push(`its inputs changed too (${changedParts(prev.parts, parts).join(", ") || "inputs"})`);
        }
        add(problem);
        continue;
      }
      if (!prev) continue; // unreachable: onDisk covers files without a record
      if (!parts) add({ path, status: "stale", reasons: [`no template ${job.document}/${job.lang}.md.hbs`] });
      else if (prev.inputs === inputsHash(parts)) add({ path, status: "up-to-date", reasons: [] });
      else add({ path, status: "stale", reasons: staleReasons(prev, changedParts(prev.parts, parts)) });
    }
  }

  for (const lang of app.languages) {
    const path = `package-${lang}.pdf`;
    const problem = onDisk(path);
    if (problem) { add(problem); continue; }
    const langJobs = jobs.filter((j) => j.lang === lang);
    const partPaths = langJobs.map((j) => `${j.base}.pdf`);
    const changed = partPaths.filter((p) => report.outputs.find((o) => o.path === p)?.status !== "up-to-date");
    if (changed.length) {
      add({ path, status: "stale", reasons: [`${changed.length} of its ${partPaths.length} documents will change`] });
      continue;
    }
    // Hashed as the build hashes it: titles as recorded, bytes of the parts as they are in out/.
    const parts = langJobs.map((j) => {
      const p = `${j.base}.pdf`;
      return { title: bookmarkTitle(app, j, recorded(p)?.title), path: p, sha: hashes.get(p) ?? sha256(readFileSync(join(outDir, p))) };
    });
    const ok = recorded(path)!.inputs === packageInputsHash(parts);
    add(ok ? { path, status: "up-to-date", reasons: [] } : { path, status: "stale", reasons: ["its documents changed since it was merged"] });
  }

  const planned = new Set(report.outputs.map((o) => o.path));
  for (const o of manifest?.outputs ?? []) {
    if (planned.has(o.path) || !existsSync(join(outDir, o.path))) continue;
    add({ path: o.path, status: "stale", reasons: ["no longer part of the application: a full build removes it"] });
  }
  return report;
}

function staleReasons(prev: ManifestOutput, changed: string[]): string[] {
  if (changed.length) return [`${changed.join(", ")} changed`];
  return prev.parts ? ["inputs changed"] : ["built by an older edih (no record of what changed)"];
}
