// A render worker: takes a build's environment, then jobs one at a time, answering each with its
// result; between builds of `apply build --watch` it keeps what it compiled and laid out.
import { parentPort } from "node:worker_threads";
import type { JobRenderer } from "./render-job.js";
import type { JobReply, WorkerRequest } from "./render-pool.js";
import { renderSide } from "./render-side.js";

const port = parentPort!;
let renderer: Promise<JobRenderer> | undefined;
port.on("message", async (msg: WorkerRequest) => {
  if (msg.kind === "env") {
    renderer = renderSide().then((side) => side.createJobRenderer(msg.env));
    return;
  }
  if (msg.kind === "warm") {
    try {
      await (await renderSide()).warmRenderer(msg.langs);
      port.postMessage({ warmed: true });
    } catch (err) {
      port.postMessage({ error: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  try {
    if (!renderer) throw new Error("a job arrived before the build's environment");
    const result = await (await renderer)(msg.job, msg.formats, msg.reusable);
    port.postMessage({ id: msg.id, result } satisfies JobReply, result.files.map((f) => f.bytes.buffer as ArrayBuffer));
  } catch (err) {
    port.postMessage({ id: msg.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err) } satisfies JobReply);
  }
});
