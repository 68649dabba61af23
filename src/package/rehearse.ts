/**
 * Before `apply build --watch` waits for the first save, every worker of its kept pool lays out the
 * PDFs of the documents the consultant writes in (those with a folder in narrative/), writing
 * nothing. The initial build rendered each document in one worker, and a rebuild hands a job to
 * whichever worker is free: the first edit found the other worker cold for it (template, Markdown
 * sections, Typst's layouts), 373 ms from the save to Part B's PDFs against ~220 ms for the edits
 * after it; with this, 248-276 ms, its PDF phase as long as theirs (in-process, two workers,
 * 2026-12-04). It costs 340-410 ms once, when the watch starts.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MAIN_FILE } from "../load/index.js";
import { parseYaml } from "../load/parse-yaml.js";
import { readDiskState } from "../output/disk.js";
import { readManifestFile } from "../output/manifest.js";
import { templateSearchPath } from "../domain/install.js";
import { planJobs } from "../model/jobs.js";
import { readNarrative } from "../narrative/load.js";
import { validateForBuild, type BuildOptions } from "./build.js";
import type { RenderPool } from "./render-pool.js";

/** The build's own options that decide what it renders, and the pool to warm. */
export type RehearseOptions = Pick<BuildOptions, "cwd" | "langs" | "only" | "stage" | "call" | "callsDir" | "draft" | "parsedInputs"> & { pool: RenderPool };

/** How many PDFs each worker laid out; none when the data does not build. */
export async function rehearseWrittenDocuments(dir: string, opts: RehearseOptions): Promise<number[]> {
  const projectDir = resolve(opts.cwd ?? process.cwd(), dir);
  const { ready } = await validateForBuild(projectDir, opts);
  if (!ready) return [];
  const { app, pack, draft } = ready;
  const narrative = readNarrative(projectDir).files;
  const written = new Set(narrative.map((f) => f.document));
  const tasks = planJobs(app, pack.documents, { ...(opts.langs ? { langs: opts.langs } : {}), ...(opts.only ? { only: opts.only } : {}) })
    .filter((job) => written.has(job.document)).map((job) => ({ job, formats: ["pdf" as const] }));
  if (!tasks.length) return [];
  // reuse: false, so that each worker lays them out instead of answering from its memory.
  return opts.pool.rehearse(tasks, { app, pack, projectDir, templateDirs: templateSearchPath(projectDir), draft,
    narrative, reuse: false });
}

/**
 * The build thread's part of the same rehearsal. The initial build took the input files from the
 * parsed-YAML cache and wrote out/ without hashing it, so the first save found the YAML parser
 * not yet compiled and every output to hash again: validate 81 and plan 57 ms on the first edit
 * against 9 and 16 on the next (`--verbose`, 2026-12-04). This parses the application's main file
 * once, writing nothing. Returns whether it could.
 */
export function rehearseParsing(projectDir: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(projectDir, MAIN_FILE), "utf8");
  } catch {
    return false;
  }
  parseYaml(text, MAIN_FILE);
  return true;
}

/**
 * Hashes the outputs the manifest lists, to have their hashes at hand for the first rebuild: call
 * it once they are older than the file system's timestamp tick (output/disk.ts keeps no hash
 * taken sooner). Reads out/ as the plan does (lstat, nothing followed) and writes nothing.
 * Returns how many files it found.
 */
export function hashOutputs(outDir: string): number {
  const outputs = readManifestFile(outDir).manifest?.outputs ?? [];
  const state = readDiskState(outDir, outputs.map((o) => o.path));
  return [...state.values()].filter((e) => e.kind === "file").length;
}
