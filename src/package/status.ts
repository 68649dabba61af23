/**
 * `edih apply status` as a library call: the build plan (prepare.ts → plan-outputs.ts) of a full
 * build, as it stands, without writing anything. Renders nothing and loads no template engine or writer.
 */
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { validateProject, type Stage, type ValidateResult } from "../validate/index.js";
import type { Decision } from "./plan-outputs.js";
import { preparePlan } from "./prepare.js";

export type OutputStatus = "up-to-date" | "stale" | "edited" | "missing" | "refused";

export interface StatusEntry {
  path: string;
  status: OutputStatus;
  /** The build's decision for it, as `apply build --dry-run` reports it. */
  action: Decision["action"];
  code: Decision["code"];
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
  /** Why out/manifest.json could not be used, when it exists but is not edih's. */
  manifestProblem?: string;
  plan: Decision[];
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
  const report: StatusReport = { outDir, validation, planned: false, errors, plan: [], outputs: [],
    counts: { "up-to-date": 0, stale: 0, edited: 0, missing: 0, refused: 0 } };
  const app = validation.application;
  const pack = validation.callPack;
  if (!app || !pack) return report;
  report.planned = true;
  const plan = preparePlan({ app, pack, validation, projectDir, outDir, draftErrors: opts.draft && errors > 0 ? errors : null,
    formats: ["docx", "pdf"], force: false });
  const m = plan.manifest.manifest;
  if (m) report.lastBuild = { tool: m.tool.version, call: m.call, draft: m.draft };
  if (plan.manifest.problem) report.manifestProblem = plan.manifest.problem;
  report.plan = plan.decisions;
  for (const d of plan.decisions) {
    const status = statusOf(d);
    report.outputs.push({ path: d.path, status, action: d.action, code: d.code, reasons: d.code === "missing" ? [] : [d.reason] });
    report.counts[status]++;
  }
  return report;
}

/** The state a decision stands for, in the words `apply status` has always used. */
export function statusOf(d: Decision): OutputStatus {
  switch (d.action) {
    case "carry": return "up-to-date";
    case "refuse": return "refused";
    case "remove": return "stale";
    case "keep": return d.code === "incomplete" ? "missing" : "edited";
    case "render": return d.code === "missing" ? "missing" : d.code === "forced" ? "edited" : "stale";
  }
}
