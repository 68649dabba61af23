// A render worker: receives the environment once, then jobs; answers each with its result.
import { parentPort, workerData } from "node:worker_threads";
import { createJobRenderer, type Format, type RenderEnv } from "./render-job.js";
import type { Job } from "../model/jobs.js";

const port = parentPort!;
const renderer = createJobRenderer(workerData as RenderEnv);
port.on("message", async (task: { id: number; job: Job; formats: Format[] }) => {
  try {
    const result = await (await renderer)(task.job, task.formats);
    port.postMessage({ id: task.id, result }, result.files.map((f) => f.bytes.buffer as ArrayBuffer));
  } catch (err) {
    port.postMessage({ id: task.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err) });
  }
});
