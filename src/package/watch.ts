/**
 * The edit loop of `apply build --watch`: one process that stays warm between rebuilds. What it
 * keeps is kept where it is made — compiled templates (render-job.ts), parsed Markdown sections
 * (render/parse-cache.ts), the Typst compiler with its fonts and memoised layouts
 * (writers/pdf/typst.ts) — so this module only decides when to rebuild, asks for the PDFs first
 * and measures the time from the save to the PDFs on disk.
 */
import { watch, type FSWatcher } from "node:fs";
import { resolve, sep } from "node:path";
import { buildPackage, type BuildOptions, type BuildReport } from "./build.js";
import { warmRenderer } from "./render-job.js";
import type { RenderPool } from "./render-pool.js";

/** Saves arriving within this time are one edit: editors write a file in several steps. */
export const SETTLE_MS = 40;

export interface Rebuilt {
  report: BuildReport;
  /** From the save (the first change seen) to the changed PDFs written; undefined when none was rendered. */
  pdfMs?: number;
  /** From the save to the end of the build (DOCX, merged packages, manifest). */
  totalMs: number;
  /** Part of both spent waiting for the save to settle. */
  settleMs: number;
}

/**
 * One rebuild, PDFs first. `savedAt` is `performance.now()` at the first change seen, so the
 * times count from the save, not from the end of the wait.
 */
export async function rebuild(dir: string, opts: BuildOptions, savedAt = performance.now()): Promise<Rebuilt> {
  return timedRebuild(savedAt, (onPdfsWritten) => buildPackage(dir, { ...opts, onPdfsWritten }));
}

/** rebuild() around any build call (the command's, which also prints its report). */
export async function timedRebuild(savedAt: number, build: (onPdfsWritten: (ms: number) => void) => Promise<BuildReport>): Promise<Rebuilt> {
  const started = performance.now();
  let pdfMs: number | undefined;
  const report = await build(() => { pdfMs = performance.now() - savedAt; });
  return { report, totalMs: performance.now() - savedAt, settleMs: started - savedAt, ...(pdfMs !== undefined ? { pdfMs } : {}) };
}

/** "PDFs written 84 ms after the save (settle 40, validate 12, plan 9, PDF 23); rebuilt in 690 ms (DOCX 310, packages 280)". */
export function rebuildTimes(r: Rebuilt): string {
  const t = r.report.timings;
  const ms = (x: number) => String(Math.round(x));
  const pdf = r.pdfMs === undefined ? "no PDF changed"
    : `PDFs written ${ms(r.pdfMs)} ms after the save (settle ${ms(r.settleMs)}, validate ${ms(t.validate)}, plan ${ms(t.plan)}, PDF ${ms(t.pdf)}, write ${ms(t.write)})`;
  const rest = [t.docx ? `DOCX ${ms(t.docx)}` : "", t.packages >= 1 ? `packages ${ms(t.packages)}` : ""].filter(Boolean).join(", ");
  return `${pdf}; rebuilt in ${ms(r.totalMs)} ms${rest ? ` (${rest})` : ""}`;
}

/**
 * Calls `onChange(savedAt)` once per edit in `root` (recursive), ignoring the output folder,
 * hidden files and editors' temporary files. Returns a function that stops watching.
 */
export function watchFolder(root: string, outDir: string, onChange: (savedAt: number) => void): () => void {
  const absRoot = resolve(root);
  const absOut = resolve(outDir);
  let timer: NodeJS.Timeout | undefined;
  let first: number | undefined;
  const watcher: FSWatcher = watch(absRoot, { recursive: true }, (_event, name) => {
    if (!name) return;
    const rel = name.toString();
    const full = resolve(absRoot, rel);
    if (full === absOut || full.startsWith(absOut + sep) || /(^|[/\\])\.|\.tmp$|~$/.test(rel)) return;
    first ??= performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const at = first!;
      first = undefined;
      onChange(at);
    }, SETTLE_MS);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * Warms whatever will render the next rebuild: the kept worker pool, or this thread when there is
 * none (one core, a run from sources). The initial build may have rendered elsewhere.
 */
export async function warmUp(langs: readonly ("bg" | "en")[], pool?: RenderPool): Promise<void> {
  if (pool && !pool.closed) await pool.warm([...langs]);
  else await warmRenderer(langs);
}
