/**
 * Renders jobs in worker threads: documents are independent and layout is CPU-bound. With pdfmake
 * (first document 1.7 s) two workers were slower than one thread on 2 cores; Typst lays out a first
 * document in tens of milliseconds, so a worker's start-up is now mostly module loading and the
 * build uses every core, two included. The build thread only writes files meanwhile.
 * EDIH_WORKERS=N overrides (1: no workers). Small builds, and runs from TypeScript sources (tests),
 * stay in this thread. Output bytes do not depend on the thread (tested).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createJobRenderer, type Format, type JobResult, type RenderEnv } from "./render-job.js";
import type { Job } from "../model/jobs.js";

export interface RenderTask {
  job: Job;
  formats: Format[];
}

/** Jobs below this count render in-process: starting workers would cost more than it saves. */
const MIN_JOBS_FOR_WORKERS = 8;

/** Results in task order, and how many worker threads rendered them (0: this thread). */
export interface Rendered {
  results: JobResult[];
  workers: number;
}

export async function renderAll(tasks: RenderTask[], env: RenderEnv,
  onDone?: (task: RenderTask, done: number) => void): Promise<Rendered> {
  const workerFile = fileURLToPath(new URL("./render-worker.js", import.meta.url));
  const cores = Number(process.env.EDIH_WORKERS) || availableParallelism();
  if (tasks.length < MIN_JOBS_FOR_WORKERS || cores < 2 || !existsSync(workerFile)) {
    const render = await createJobRenderer(env);
    const results: JobResult[] = [];
    for (const task of tasks) {
      results.push(await render(task.job, task.formats));
      onDone?.(task, results.length);
    }
    return { results, workers: 0 };
  }
  const count = Math.min(cores, Math.ceil(tasks.length / 4));
  return { results: await inWorkers(tasks, env, workerFile, count, onDone), workers: count };
}

function inWorkers(tasks: RenderTask[], env: RenderEnv, file: string, count: number,
  onDone?: (task: RenderTask, done: number) => void): Promise<JobResult[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<JobResult>(tasks.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = () => workers.forEach((w) => void w.terminate());
    const feed = (w: Worker) => {
      if (next < tasks.length) {
        const id = next++;
        w.postMessage({ id, job: tasks[id]!.job, formats: tasks[id]!.formats });
      }
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(file, { workerData: env });
      w.on("message", (msg: { id: number; result?: JobResult; error?: string }) => {
        if (msg.error !== undefined || !msg.result) {
          failed = true;
          stop();
          reject(new Error(`rendering ${tasks[msg.id]?.job.base} failed: ${msg.error}`));
          return;
        }
        // Bytes arrive as transferred buffers; give writers and hashes a plain Uint8Array again.
        msg.result.files = msg.result.files.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) }));
        results[msg.id] = msg.result;
        done++;
        onDone?.(tasks[msg.id]!, done);
        if (done === tasks.length) {
          stop();
          resolve(results);
        } else feed(w);
      });
      w.on("error", (err) => {
        if (failed) return;
        failed = true;
        stop();
        reject(err);
      });
      workers.push(w);
      feed(w);
    }
  });
}
