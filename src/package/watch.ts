/**
 * The edit loop of `apply build --watch`: one process that stays warm between rebuilds. What it
 * keeps is kept where it is made — the render threads (render-pool.ts) with their compiled
 * templates (render-job.ts), parsed Markdown sections (render/parse-cache.ts) and Typst compiler
 * (writers/pdf/typst.ts), the parsed input files (load/parsed-cache.ts) — so this module only
 * watches the folder, decides when a save is complete, and measures the time from the save to the
 * PDFs on disk.
 */
import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { buildPackage, type BuildOptions, type BuildReport } from "./build.js";
import { renderSide } from "./render-side.js";
import type { RenderPool } from "./render-pool.js";

/**
 * Saves arriving within this time of each other are one edit: editors write a file in several
 * steps (truncate, then write; or write a temp file and rename it), microseconds to a few
 * milliseconds apart. A rebuild waits for this quiet time only before it writes, so the wait
 * overlaps the work instead of preceding it.
 */
export const SETTLE_MS = 40;

/**
 * The quiet time before a rebuild starts reading: the steps of one save by an editor, `sed -i` or
 * a sync client come within a millisecond or two, and a rebuild that starts in the middle of them
 * reads half a save and has to start again (measured: the whole rebuild done twice).
 */
export const START_QUIET_MS = 8;

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
 * Changes in `root` and below, ignoring the output folder, hidden files and folders and editors'
 * temporary files: `onChange(at, name)` on every change, at its `performance.now()`, with the path
 * changed relative to `root`. Watching has begun when the constructor returns: on Linux, Node 20's
 * recursive watch walks the tree asynchronously and misses a save made right after it starts (a
 * test saving as soon as "watching" was printed lost its edit), so there each folder gets its own
 * watch here, set up before returning, and new folders are added as they appear. Links are never
 * followed.
 */
export class FolderWatch {
  private last = Number.NEGATIVE_INFINITY;
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly absRoot: string;
  private readonly absOut: string;

  constructor(root: string, outDir: string, private readonly onChange: (at: number, name: string) => void) {
    this.absRoot = resolve(root);
    this.absOut = resolve(outDir);
    if (process.platform === "linux") this.watchTree(this.absRoot);
    else this.watchers.set(this.absRoot, watch(this.absRoot, { recursive: true }, (_event, name) => name && this.changed(resolve(this.absRoot, name.toString()))));
  }

  private ignored(full: string): boolean {
    const rel = relative(this.absRoot, full);
    return full === this.absOut || full.startsWith(this.absOut + sep) || /(^|[/\\])\.|\.tmp$|~$/.test(rel);
  }

  private changed(full: string): void {
    if (this.ignored(full)) return;
    this.last = performance.now();
    this.onChange(this.last, relative(this.absRoot, full));
  }

  private watchTree(dir: string): void {
    if (this.watchers.has(dir) || (dir !== this.absRoot && this.ignored(dir))) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        if (!name) return;
        const full = join(dir, name.toString());
        // A folder created (or moved in) is watched from now on, its contents included; one removed
        // (or moved out) is forgotten, so a folder made again under its name is watched anew.
        if (event === "rename") {
          if (lstatSync(full, { throwIfNoEntry: false })?.isDirectory()) this.watchTree(full);
          else this.forget(full);
        }
        this.changed(full);
      });
    } catch {
      return; // gone already, or not readable: nothing to watch
    }
    watcher.on("error", () => {
      watcher.close();
      this.watchers.delete(dir);
    });
    this.watchers.set(dir, watcher);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // removed meanwhile
    }
    for (const e of entries) if (e.isDirectory()) this.watchTree(join(dir, e.name));
  }

  /**
   * Resolves once SETTLE_MS have passed since the last change: true when no change came after
   * `since` (what was read at `since` is what is on disk), false when one did.
   */
  async quietSince(since: number): Promise<boolean> {
    await this.quiet(SETTLE_MS);
    return this.last < since;
  }

  /** Resolves once `ms` have passed since the last change. */
  async quiet(ms: number): Promise<void> {
    for (;;) {
      const wait = this.last + ms - performance.now();
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, Math.ceil(wait)));
    }
  }

  private forget(dir: string): void {
    for (const [path, w] of this.watchers) {
      if (path === dir || path.startsWith(dir + sep)) {
        w.close();
        this.watchers.delete(path);
      }
    }
  }

  stop(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}

/**
 * Warms whatever will render the next rebuild: the kept worker pool, or this thread when there is
 * none (one core, a run from sources). The initial build may have rendered elsewhere.
 */
export async function warmUp(langs: readonly ("bg" | "en")[], pool?: RenderPool): Promise<void> {
  if (pool && !pool.closed) await pool.warm([...langs]);
  else await (await renderSide()).warmRenderer(langs);
}
