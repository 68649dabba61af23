// What `edih apply build` prints and returns; separate from build.ts so `--help` loads none of it.
import { relative, resolve } from "node:path";
import { countBySeverity } from "../diagnostics.js";
import { EXIT } from "../errors.js";
import { buildPackage, type BuildOptions, type BuildReport, type Format } from "../package/build.js";
import { formatText, shouldColor } from "../report/index.js";
import { formatPlan } from "../package/plan-text.js";
import { FS_TICK_MS } from "../output/disk.js";
import type { BuildFlags } from "./build.js";
import type { CommandIO } from "../workflow/io.js";
import { progressReporter } from "./progress.js";

/** The command's flags as the build's options. */
function buildOptions(flags: BuildFlags, io: CommandIO): BuildOptions {
  return { cwd: io.cwd,
    ...(flags.out ? { out: flags.out } : {}), ...(flags.lang ? { langs: flags.lang } : {}),
    ...(flags.only ? { only: flags.only } : {}), stage: flags.stage, ...(flags.call ? { call: flags.call } : {}),
    ...(flags.callsDir ? { callsDir: flags.callsDir } : {}),
    formats: flags.format === "both" ? ["docx", "pdf"] : [flags.format as Format],
    draft: flags.draft ?? false, force: flags.force ?? false, reuse: flags.reuse ?? true, allowOutside: flags.allowOutside ?? false };
}

/** `extra` and `seen`: the watch loop's hooks (PDFs first, and the report for its timings). */
export async function runBuild(dir: string, flags: BuildFlags, io: CommandIO, extra: Pick<BuildOptions, "onPdfsWritten" | "pool" | "parsedInputs" | "settled"> = {},
  seen?: (report: BuildReport) => void): Promise<number> {
  const started = Date.now();
  const progress = flags.quiet || flags.json ? undefined : progressReporter(io.stderr, io.env);
  let report: BuildReport;
  try {
    report = await buildPackage(dir, { ...buildOptions(flags, io),
      ...(progress ? { onProgress: progress.update } : {}), ...(flags.dryRun ? { dryRun: true } : {}), ...extra,
    });
  } finally {
    progress?.done();
  }
  seen?.(report);
  const counts = countBySeverity(report.diagnostics);
  if (flags.dryRun && !report.stopped) return printPlan(report, flags, io);
  if (flags.json) {
    io.stdout.write(JSON.stringify({
      ok: !report.stopped && counts.error === 0, stopped: report.stopped, out: report.outDir,
      written: report.written, skipped: report.skipped, kept: report.kept, removed: report.removed, reused: report.reused, fills: report.fills, notes: report.notes, pages: report.pages, renderWorkers: report.renderWorkers,
      counts, diagnostics: report.diagnostics,
    }, null, 2) + "\n");
    return report.stopped || counts.error > 0 ? EXIT.invalid : EXIT.ok;
  }
  // A successful build repeats validate's warnings only with --verbose: rebuilt dozens of times a
  // day, the same 19 warnings would bury what the build itself has to say.
  const fromValidation = new Set(report.validation.diagnostics);
  const quietWarnings = !report.stopped && !flags.verbose;
  const hidden = quietWarnings ? report.diagnostics.filter((d) => d.severity !== "error" && fromValidation.has(d)).length : 0;
  const shown = report.diagnostics.filter((d) => (flags.quiet ? d.severity === "error" : !(quietWarnings && d.severity !== "error" && fromValidation.has(d))));
  const color = shouldColor(io.stdout, io.env);
  const notes = report.stopped
    ? [...report.validation.notes, flags.draft
      ? "build stopped: even a draft needs data edih can read — fix the errors above first"
      : "build stopped: fix the errors above, or build a marked draft with --draft"]
    : report.validation.notes;
  if (shown.length || report.stopped) io.stdout.write(formatText(shown, { cwd: io.cwd, notes, counts, color }));
  else if (hidden && !flags.quiet) io.stdout.write(`${hidden} warning${hidden === 1 ? "" : "s"} from validation (\`edih apply validate\` or --verbose lists them)\n`);
  if (report.stopped) return EXIT.invalid;
  if (!flags.quiet) io.stdout.write(summary(report, io.cwd, Date.now() - started, flags.verbose ?? false));
  return counts.error > 0 ? EXIT.invalid : EXIT.ok;
}

/** --dry-run: the decisions, printed exactly as `apply status` prints them. */
function printPlan(report: BuildReport, flags: BuildFlags, io: CommandIO): number {
  if (flags.json) {
    io.stdout.write(JSON.stringify({ out: report.outDir, dryRun: true, plan: report.plan }, null, 2) + "\n");
    return EXIT.ok;
  }
  const out = relative(io.cwd, report.outDir) || ".";
  io.stdout.write(formatPlan(report.plan, out, flags.verbose ?? false).join("\n") + "\n");
  return EXIT.ok;
}

function summary(report: BuildReport, cwd: string, ms: number, verbose: boolean): string {
  const out = relative(cwd, report.outDir) || ".";
  const lines = verbose ? report.written.map((path) => `  wrote ${out}/${path}${details(report, path)}`) : writtenLines(report, out);
  if (report.skipped.length) lines.push(`  skipped ${report.skipped.length} up-to-date file${report.skipped.length === 1 ? "" : "s"} (inputs unchanged)`);
  for (const path of report.kept) lines.push(`  kept ${out}/${path} (edited by hand)`);
  for (const path of report.removed) lines.push(`  removed ${out}/${path} (no longer part of the application)`);
  const fills = Object.values(report.fills).reduce((a, b) => a + b, 0);
  // The tool's notes are not in the documents: each distinct one is shown here once, with its count.
  const noteCount = new Map<string, number>();
  for (const list of Object.values(report.notes)) for (const n of list) noteCount.set(n, (noteCount.get(n) ?? 0) + 1);
  for (const [n, count] of noteCount) lines.push(`  note${count > 1 ? ` (${count} documents)` : ""}: ${n}`);
  const notes = [...noteCount.values()].reduce((a, b) => a + b, 0);
  const errors = report.validation.diagnostics.filter((d) => d.severity === "error").length;
  const draft = errors ? ` — DRAFT: every page marked with its ${errors} error${errors === 1 ? "" : "s"}` : "";
  // The build's own errors (an output kept or refused) are not a draft's: they get their own mark.
  const own = report.diagnostics.filter((d) => d.severity === "error").length - errors;
  lines.push(`${own > 0 ? "✖" : errors ? "⚠" : "✔"} ${report.written.length} written, ${report.skipped.length} up to date${report.kept.length ? `, ${report.kept.length} kept` : ""} in ${(ms / 1000).toFixed(1)} s → ${out}/manifest.json${draft}` +
    (fills ? `; ${fills} places marked for the consultant to fill in` : "") + (notes ? `; ${notes} notes to check (above)` : ""));
  return lines.join("\n") + "\n";
}

/** "  (7 p., 12 to fill in)" for one file. */
function details(report: BuildReport, path: string): string {
  const fills = report.fills[path.replace(/\.(docx|pdf)$/, "")];
  const pages = report.pages[path];
  const extra = [pages !== undefined ? `${pages} p.` : "", fills ? `${fills} to fill in` : ""].filter(Boolean).join(", ");
  return extra ? `  (${extra})` : "";
}

/**
 * One line per document and language: its formats together, and a per-partner document's copies
 * (15 declarations) as one line, so a full build reads as a list of documents, not of 146 files.
 */
function writtenLines(report: BuildReport, out: string): string[] {
  const groups = new Map<string, typeof report.writtenOutputs>();
  for (const o of report.writtenOutputs) {
    const key = o.document === "package" ? o.path : `${o.lang}/${o.document}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const lines: string[] = [];
  for (const [key, files] of groups) {
    const formats = [...new Set(files.map((f) => f.format))].join(" + .");
    const partners = new Set(files.filter((f) => f.partner).map((f) => f.partner));
    if (partners.size > 1) {
      const pages = files.filter((f) => f.pages !== undefined).map((f) => f.pages!);
      const range = pages.length ? `, ${Math.min(...pages)}–${Math.max(...pages)} p. each`.replace(/(\d+)\u2013\1 p/, "$1 p") : "";
      lines.push(`  wrote ${out}/${key}-<partner>.${formats} for ${partners.size} partners${range}`);
    } else if (files[0]!.document === "package") {
      lines.push(`  wrote ${out}/${key}`);
    } else {
      const pdf = files.find((f) => f.format === "pdf");
      const base = files[0]!.path.replace(/\.(docx|pdf)$/, "");
      lines.push(`  wrote ${out}/${base}.${formats}${details(report, pdf?.path ?? files[0]!.path)}`);
    }
  }
  return lines;
}

/** Rebuild on every save; invalid intermediate saves are reported and the watcher waits. */
export async function watchBuild(dir: string, flags: BuildFlags, io: CommandIO): Promise<number> {
  const [{ timedRebuild, rebuildTimes, warmUp, FolderWatch, SupersededError, START_QUIET_MS }, { openRenderPool }, { ParsedInputs }] = await Promise.all([
    import("../package/watch.js"), import("../package/render-pool.js"), import("../load/parsed-cache.js")]);
  const root = resolve(io.cwd, dir);
  const outDir = flags.out ? resolve(io.cwd, flags.out) : resolve(root, "out");
  let langs: ("bg" | "en")[] = [];
  // One set of warm worker threads for the whole session: the initial build fills their caches.
  const pool = openRenderPool();
  // …and of the input files parsed: after a save, only the saved file is parsed again.
  const kept = { parsedInputs: new ParsedInputs(), ...(pool ? { pool } : {}) };
  await runBuild(dir, flags, io, kept, (r) => { langs = r.validation.application?.languages ?? []; });
  const { rehearseWrittenDocuments, rehearseParsing, hashOutputs } = await import("../package/rehearse.js");
  if (!flags.format || flags.format !== "docx") {
    await warmUp(flags.lang?.length ? langs.filter((l) => flags.lang!.includes(l)) : langs, pool);
    // Only to warm the workers: whatever goes wrong here, the next build reports.
    if (pool) await rehearseWrittenDocuments(dir, { ...buildOptions(flags, io), ...kept, pool }).catch(() => []);
  }
  rehearseParsing(root);
  let running = false;
  /** The first change not yet built, at its performance.now(). */
  let next: number | undefined;
  // Once the initial build's files are older than the timestamp tick, their hashes can be kept:
  // taken now, while nothing is asked of the watch, instead of by the first save's plan (~40 ms).
  setTimeout(() => {
    if (!running && next === undefined) hashOutputs(outDir);
  }, FS_TICK_MS + 500).unref();
  const loop = async () => {
    running = true;
    try {
      let announced = false;
      while (next !== undefined) {
        const at = next;
        // The rest of this save's steps (they would make the rebuild start again).
        await watcher.quiet(START_QUIET_MS);
        next = undefined;
        const startedAt = performance.now();
        // Before writing, the build waits for the save to settle (SETTLE_MS) and starts again when
        // it went on after the build read its files: the wait overlaps the work.
        const settle = async () => {
          if (!(await watcher.quietSince(startedAt))) throw new SupersededError();
        };
        if (!announced) io.stderr.write(`\nchange detected, rebuilding…\n`);
        announced = true;
        try {
          const r = await timedRebuild(at, async (onPdfsWritten, settled) => {
            let report: BuildReport | undefined;
            await runBuild(dir, flags, io, { onPdfsWritten, settled, ...kept }, (x) => { report = x; });
            return report!;
          }, settle);
          // From the save to the PDFs on disk: templates, parsed Markdown and the Typst compiler stay warm between rebuilds.
          if (flags.verbose && !r.report.stopped) io.stderr.write(`${rebuildTimes(r)}\n`);
        } catch (err) {
          // A save still in progress (edih.yaml briefly missing, half a file): build again from the
          // edit's first change, saying nothing about the half-saved state.
          if (err instanceof SupersededError || !(await watcher.quietSince(startedAt))) {
            next = at;
            continue;
          }
          const e = err as { message?: string; hint?: string };
          io.stderr.write(`edih: ${e.message ?? String(err)}${e.hint ? `\n  hint: ${e.hint}` : ""}\n`);
        }
        announced = false;
        io.stderr.write(`waiting for changes…\n`);
      }
    } finally {
      running = false;
    }
  };
  const watcher = new FolderWatch(root, outDir, (at) => {
    next ??= at;
    if (!running) void loop();
  });
  // Said once the watch is in place: a save made after this line is seen.
  io.stderr.write(`watching ${relative(io.cwd, root) || "."} for changes (Ctrl-C to stop)\n`);
  return new Promise<number>((resolveDone) => {
    process.once("SIGINT", () => {
      watcher.stop();
      void pool?.close();
      resolveDone(EXIT.ok);
    });
  });
}
