/**
 * Renders jobs in worker threads: documents are independent and layout is CPU-bound. With pdfmake
 * (first document 1.7 s) two workers were slower than one thread on 2 cores; Typst lays out a first
 * document in tens of milliseconds, so a worker's start-up is now mostly module loading and the
 * build uses every core, two included. The build thread only writes files meanwhile.
 * EDIH_WORKERS=N overrides (1: no workers). Small builds (plannedWorkers), and runs from TypeScript
 * sources (tests), stay in this thread. Output bytes do not depend on the thread (tested).
 *
 * `apply build --watch` keeps one pool open between rebuilds: each worker keeps its compiled
 * templates, parsed Markdown and Typst's memoised layouts, so after an edit to Part B its two
 * languages are laid out at once on two warm threads instead of one after the other.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Format, JobResult, RenderEnv, ReusableOutput } from "./render-job.js";
import { renderSide } from "./render-side.js";
import { TaskQueue } from "./task-queue.js";
import type { Job } from "../model/jobs.js";

export interface RenderTask {
  job: Job;
  formats: Format[];
  /** Its outputs already in out/, used again if the writers would be given the same (render-key.ts). */
  reusable?: ReusableOutput[];
}

/**
 * Below this many jobs a build renders in its own thread. A worker costs ~0.9 s of CPU to start
 * (modules, fonts, templates compiled again) and Typst already lays out on both cores, so on a
 * 2-core machine (measured, 2026-12-03): 14 jobs (one partner edited) took the same wall time in
 * one thread and in two workers, with 1.8 s more CPU in the workers; the 72 jobs of a full build
 * took 0.85× the wall time in two workers, for 1.15× the CPU.
 */
export const MIN_JOBS_FOR_WORKERS = 20;

/**
 * How many worker threads render `jobs` jobs: none below MIN_JOBS_FOR_WORKERS or on one core,
 * else one per core, at most one per 4 jobs. EDIH_WORKERS=N sets the cores (1: never workers) and,
 * being asked for, applies to a build of any size.
 */
export function plannedWorkers(jobs: number, cores: number, forced: boolean): number {
  if (cores < 2 || jobs < 2 || (!forced && jobs < MIN_JOBS_FOR_WORKERS)) return 0;
  return Math.min(cores, Math.ceil(jobs / 4));
}

/** Results in task order, and how many worker threads rendered them (0: this thread). */
export interface Rendered {
  results: JobResult[];
  workers: number;
}

/** What the build thread sends a worker; the worker answers "job" with a JobReply and "warm" with { warmed }. */
export type WorkerRequest =
  | { kind: "env"; env: RenderEnv }
  | { kind: "job"; id: number; job: Job; formats: Format[]; reusable?: ReusableOutput[] }
  | { kind: "warm"; langs: ("bg" | "en")[] };

export interface JobReply {
  id: number;
  result?: JobResult;
  error?: string;
}

const WORKER_FILE = fileURLToPath(new URL("./render-worker.js", import.meta.url));

/** Cores to render on, and whether EDIH_WORKERS asked; 0 cores when workers cannot start. */
function workerCores(): { cores: number; forced: boolean } {
  const forced = Number(process.env.EDIH_WORKERS) || 0;
  // From TypeScript sources (tests) there is no compiled worker file to start.
  if (!existsSync(WORKER_FILE)) return { cores: 0, forced: false };
  return { cores: forced || availableParallelism(), forced: forced > 0 };
}

/**
 * Renders `tasks` in `pool` when one is open, else in a pool started for this call when the build
 * is large enough, else in this thread.
 */
export async function renderAll(tasks: RenderTask[], env: RenderEnv,
  onDone?: (task: RenderTask, done: number) => void, pool?: RenderPool): Promise<Rendered> {
  if (pool && !pool.closed && tasks.length) return pool.run(tasks, env, onDone);
  const { cores, forced } = workerCores();
  const count = plannedWorkers(tasks.length, cores, forced);
  if (count === 0) {
    const render = await (await renderSide()).createJobRenderer(env);
    const results: JobResult[] = [];
    for (const task of tasks) {
      results.push(await render(task.job, task.formats, task.reusable));
      onDone?.(task, results.length);
    }
    return { results, workers: 0 };
  }
  const once = new RenderPool(count);
  try {
    return await once.run(tasks, env, onDone);
  } finally {
    await once.close();
  }
}

/**
 * Worker threads that outlive one build. Undefined from openRenderPool when this machine renders in
 * one thread (one core, EDIH_WORKERS=1, or a run from sources).
 */
export function openRenderPool(): RenderPool | undefined {
  const { cores } = workerCores();
  return cores >= 2 ? new RenderPool(cores) : undefined;
}

export class RenderPool {
  private readonly workers: Worker[] = [];
  /** Set by close() or when a worker died: later builds render in their own thread. */
  closed = false;
  private busy = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_FILE);
      // Referenced only while they work: a pool left open must not keep the process alive.
      w.unref();
      w.on("error", () => { this.closed = true; });
      this.workers.push(w);
    }
  }

  /** Loads the render side and lays out a one-line document per language in every worker. */
  async warm(langs: ("bg" | "en")[]): Promise<void> {
    await Promise.all(this.workers.map((w) => new Promise<void>((resolve, reject) => {
      const done = (msg: { warmed?: boolean; error?: string }) => {
        w.off("message", done);
        w.off("error", reject);
        w.unref();
        if (msg.error) reject(new Error(msg.error));
        else resolve();
      };
      w.on("message", done);
      w.once("error", reject);
      // Referenced while it works: an idle pool must not keep the process alive, a busy one must.
      w.ref();
      w.postMessage({ kind: "warm", langs } satisfies WorkerRequest);
    })));
  }

  /**
   * Results in task order. Each worker used gets this build's environment, then one job at a time,
   * from its own run of neighbouring tasks while it lasts (TaskQueue).
   */
  run(tasks: RenderTask[], env: RenderEnv, onDone?: (task: RenderTask, done: number) => void): Promise<Rendered> {
    if (this.closed) return Promise.reject(new Error("the render pool is closed"));
    if (this.busy) return Promise.reject(new Error("the render pool is already rendering a build"));
    const workers = this.workers.slice(0, Math.min(this.size, tasks.length));
    if (!workers.length) return Promise.resolve({ results: [], workers: 0 });
    this.busy = true;
    return new Promise<Rendered>((resolve, reject) => {
      const results = new Array<JobResult>(tasks.length);
      const queue = new TaskQueue(tasks.length, workers.length);
      let done = 0;
      let failed = false;
      const listeners = new Map<Worker, { message: (msg: JobReply) => void; error: (err: Error) => void }>();
      const finish = (err?: Error) => {
        for (const [w, l] of listeners) {
          w.off("message", l.message);
          w.off("error", l.error);
          w.unref();
        }
        this.busy = false;
        if (err) reject(err);
        else resolve({ results, workers: workers.length });
      };
      const feed = (w: Worker, index: number) => {
        const id = queue.next(index);
        if (id === undefined) return;
        const { job, formats, reusable } = tasks[id]!;
        w.postMessage({ kind: "job", id, job, formats, ...(reusable ? { reusable } : {}) } satisfies WorkerRequest);
      };
      workers.forEach((w, index) => {
        const message = (msg: JobReply) => {
          if (failed) return;
          if (msg.error !== undefined || !msg.result) {
            failed = true;
            finish(new Error(`rendering ${tasks[msg.id]?.job.base} failed: ${msg.error}`));
            return;
          }
          // Bytes arrive as transferred buffers; give writers and hashes a plain Uint8Array again.
          msg.result.files = msg.result.files.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) }));
          results[msg.id] = msg.result;
          done++;
          onDone?.(tasks[msg.id]!, done);
          if (done === tasks.length) finish();
          else feed(w, index);
        };
        const error = (err: Error) => {
          this.closed = true;
          if (failed) return;
          failed = true;
          finish(err);
        };
        listeners.set(w, { message, error });
        w.on("message", message);
        w.on("error", error);
        w.ref();
        w.postMessage({ kind: "env", env } satisfies WorkerRequest);
        feed(w, index);
      });
    });
  }

  /**
   * Every worker renders every task once and the results are dropped (package/rehearse.ts): a later
   * build may hand any of them to any worker, which has then laid it out before. Resolves with how
   * many tasks each worker rendered.
   */
  async rehearse(tasks: RenderTask[], env: RenderEnv): Promise<number[]> {
    if (this.closed) throw new Error("the render pool is closed");
    if (this.busy) throw new Error("the render pool is already rendering a build");
    this.busy = true;
    try {
      return await Promise.all(this.workers.map(async (w) => {
        w.ref();
        try {
          w.postMessage({ kind: "env", env } satisfies WorkerRequest);
          let rendered = 0;
          for (const [id, { job, formats }] of tasks.entries()) {
            const reply = await this.ask(w, { kind: "job", id, job, formats });
            if (reply.error !== undefined) throw new Error(`rehearsing ${job.base} failed: ${reply.error}`);
            rendered++;
          }
          return rendered;
        } finally {
          w.unref();
        }
      }));
    } finally {
      this.busy = false;
    }
  }

  /** One job in one worker, answered. */
  private ask(w: Worker, msg: Extract<WorkerRequest, { kind: "job" }>): Promise<JobReply> {
    return new Promise((resolve, reject) => {
      const done = () => {
        w.off("message", message);
        w.off("error", error);
      };
      const message = (reply: JobReply) => {
        if (reply.id !== msg.id) return;
        done();
        resolve(reply);
      };
      const error = (err: Error) => {
        done();
        this.closed = true;
        reject(err);
      };
      w.on("message", message);
      w.on("error", error);
      w.postMessage(msg satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
