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

/**
 * Saves arriving within this time of each other are one edit: editors write a file in several
 * steps (truncate, then write; or write a temp file and rename it), microseconds to a few
 * milliseconds apart. A rebuild starts at the first change and waits for this quiet time only
 * before it writes, so the wait overlaps the work instead of preceding it.
 */
export const SETTLE_MS = 40;

/** Thrown by a rebuild whose inputs changed again before it wrote anything: build again. */
export class SupersededError extends Error {
  constructor() {
    super("the files changed again while the rebuild read them");
  }
}

export interface Rebuilt {
  report: BuildReport;
  /**
   * From the save (the first change seen) to the first PDFs written — those of the documents the
   * consultant writes in, when the edit touched them; undefined when no PDF was rendered.
   */
  pdfMs?: number;
  /** The PDFs that first write put on disk. */
  firstPdfs?: string[];
  /** From the save to the last of the changed PDFs written, when they were written in two sets. */
  allPdfsMs?: number;
  /** How many PDFs were written in all. */
  pdfCount: number;
  /** From the save to the end of the build (DOCX, merged packages, manifest). */
  totalMs: number;
  /** Part of both spent before the build started and waiting for the save to settle before writing. */
  settleMs: number;
}

/** One rebuild, PDFs first. `savedAt` is `performance.now()` at the first change seen. */
export async function rebuild(dir: string, opts: BuildOptions, savedAt = performance.now()): Promise<Rebuilt> {
  return timedRebuild(savedAt, (onPdfsWritten) => buildPackage(dir, { ...opts, onPdfsWritten }));
}

/**
 * rebuild() around any build call (the command's, which also prints its report). `settle`, when
 * given, is what the build awaits before it writes (BuildOptions.settled); its wait is counted.
 */
export async function timedRebuild(savedAt: number,
  build: (onPdfsWritten: (ms: number, paths: string[]) => void, settled: () => Promise<void>) => Promise<BuildReport>,
  settle?: () => Promise<void>): Promise<Rebuilt> {
  const started = performance.now();
  let waited = 0;
  const writes: { ms: number; paths: string[] }[] = [];
  const settled = async () => {
    const t = performance.now();
    try {
      await settle?.();
    } finally {
      waited += performance.now() - t;
    }
  };
  const report = await build((_ms, paths) => { writes.push({ ms: performance.now() - savedAt, paths }); }, settled);
  const [first, last] = [writes[0], writes[writes.length - 1]];
  return { report, totalMs: performance.now() - savedAt, settleMs: started - savedAt + waited,
    pdfCount: writes.reduce((n, w) => n + w.paths.length, 0),
    ...(first ? { pdfMs: first.ms, firstPdfs: first.paths } : {}), ...(last && writes.length > 1 ? { allPdfsMs: last.ms } : {}) };
}

/**
 * "PDFs written 84 ms after the save (settle 0, validate 12, plan 9, PDF 23, write 4); rebuilt in
 * 690 ms (DOCX 310, packages 280)"; after an edit that also changed other documents, "2 PDFs
 * (en/part-b.pdf, bg/part-b.pdf) written 84 ms after the save (…), all 14 by 350 ms; rebuilt in …".
 */
export function rebuildTimes(r: Rebuilt): string {
  const t = r.report.timings;
  const ms = (x: number) => String(Math.round(x));
  const first = r.allPdfsMs === undefined ? "PDFs" : `${r.firstPdfs!.length} PDF${r.firstPdfs!.length === 1 ? "" : "s"} (${r.firstPdfs!.join(", ")})`;
  const pdf = r.pdfMs === undefined ? "no PDF changed"
    : `${first} written ${ms(r.pdfMs)} ms after the save (settle ${ms(r.settleMs)}, validate ${ms(t.validate)}, plan ${ms(t.plan)}, PDF ${ms(t.pdf)}, write ${ms(t.write)})`
      + (r.allPdfsMs === undefined ? "" : `, all ${r.pdfCount} by ${ms(r.allPdfsMs)} ms`);
  const rest = [t.docx ? `DOCX ${ms(t.docx)}` : "", t.packages >= 1 ? `packages ${ms(t.packages)}` : ""].filter(Boolean).join(", ");
  return `${pdf}; rebuilt in ${ms(r.totalMs)} ms${rest ? ` (${rest})` : ""}`;
}

/**
 * Changes in `root` (recursive), ignoring the output folder, hidden files and editors' temporary
 * files: `onChange(at, name)` on every change, at its `performance.now()`, with the path changed
 * relative to `root`.
 */
export class FolderWatch {
  private last = Number.NEGATIVE_INFINITY;
  private readonly watcher: FSWatcher;

  constructor(root: string, outDir: string, onChange: (at: number, name: string) => void) {
    const absRoot = resolve(root);
    const absOut = resolve(outDir);
    this.watcher = watch(absRoot, { recursive: true }, (_event, name) => {
      if (!name) return;
      const rel = name.toString();
      const full = resolve(absRoot, rel);
      if (full === absOut || full.startsWith(absOut + sep) || /(^|[/\\])\.|\.tmp$|~$/.test(rel)) return;
      this.last = performance.now();
      onChange(this.last, rel);
    });
  }

  /**
   * Resolves once SETTLE_MS have passed since the last change: true when no change came after
   * `since` (what was read at `since` is what is on disk), false when one did.
   */
  async quietSince(since: number): Promise<boolean> {
    for (;;) {
      const wait = this.last + SETTLE_MS - performance.now();
      if (wait <= 0) return this.last < since;
      await new Promise((r) => setTimeout(r, Math.ceil(wait)));
    }
  }

  stop(): void {
    this.watcher.close();
  }
}

/**
 * Warms whatever will render the next rebuild: the kept worker pool, or this thread when there is
 * none (one core, a run from sources). The initial build may have rendered elsewhere.
 */
export async function warmUp(langs: readonly ("bg" | "en")[], pool?: RenderPool): Promise<void> {
  if (pool && !pool.closed) await pool.warm([...langs]);
  else await warmRenderer(langs);
}
