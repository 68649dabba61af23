/**
 * The watch loop's head start: once a save validates, the PDFs of the documents being written
 * (those with a folder in narrative/) go to the kept workers before the build plans, so their
 * layout overlaps the plan (~20-25 ms of a ~150 ms rebuild: manifest, out/ hashes, inputs of
 * every document). The plan decides as always; a task it renders takes the result begun early
 * when it asks for exactly that (the same job, PDF only, the same environment), and the rest is
 * rendered as usual. A result nobody takes is dropped: the plan found the file up to date.
 */
import { sha256 } from "../domain/hash.js";
import type { Job } from "../model/jobs.js";
import type { JobResult, RenderEnv, ReusableOutput } from "./render-job.js";
import type { RenderPool } from "./render-pool.js";

export interface HeadStart {
  env: RenderEnv;
  /** By job base (`bg/part-b`): its PDF, begun before the plan. */
  pdfs: Map<string, Promise<JobResult>>;
}

/** Hands the PDFs of `jobs` to `pool` now; undefined when the pool cannot take them. */
export function startPdfs(pool: RenderPool, jobs: readonly Job[], env: RenderEnv): HeadStart | undefined {
  const results = pool.headStart(jobs.map((job) => ({ job, formats: ["pdf"] })), env);
  if (!results.length) return undefined;
  const pdfs = new Map<string, Promise<JobResult>>();
  jobs.forEach((job, i) => {
    const result = results[i]!;
    // Not taken, or failed: the build renders it itself, and the rejection must not go unhandled.
    result.catch(() => undefined);
    pdfs.set(job.base, result);
  });
  return { env, pdfs };
}

/**
 * The early result for a task of the plan, or undefined (render it as usual): only for a PDF-only
 * task of a job begun early, in an environment equal to the head start's, and only when that
 * render succeeded. Its file counts as reused when the plan offered the same bytes from out/.
 */
export async function takeEarly(early: HeadStart | undefined, task: { job: Job; formats: readonly string[]; reusable?: readonly ReusableOutput[] },
  env: RenderEnv): Promise<JobResult | undefined> {
  const pending = early?.pdfs.get(task.job.base);
  if (!early || !pending || task.formats.length !== 1 || task.formats[0] !== "pdf" || !sameEnv(early.env, env)) return undefined;
  early.pdfs.delete(task.job.base);
  const result = await pending.catch(() => undefined);
  if (!result) return undefined;
  return { ...result, files: result.files.map((file) => {
    const offered = task.reusable?.find((r) => r.format === file.format && r.render === file.render);
    return offered && offered.sha256 === sha256(file.bytes) ? { ...file, reused: true } : file;
  }) };
}

/** What decides a render's bytes, compared the way a rebuild could differ between head start and plan. */
function sameEnv(a: RenderEnv, b: RenderEnv): boolean {
  return a.app === b.app && a.pack === b.pack && a.projectDir === b.projectDir && a.narrative === b.narrative
    && (a.reuse ?? true) === (b.reuse ?? true) && (a.draft?.errors ?? null) === (b.draft?.errors ?? null)
    && a.templateDirs.length === b.templateDirs.length && a.templateDirs.every((d, i) => d === b.templateDirs[i]);
}
