/**
 * Everything the build plan needs, read once: the jobs of the application, their inputs hashes,
 * the manifest (schema-checked) and the disk state (lstat, never followed). Shared by
 * `apply build` and `apply status`; light on purpose (no template engine, no writer).
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { CallPack } from "../calls/index.js";
import type { Application } from "../schema/index.js";
import type { ValidateResult } from "../validate/index.js";
import { sha256 } from "../domain/hash.js";
import { readNarrative, type NarrativeFile } from "../narrative/load.js";
import { templateSearchPath } from "../domain/install.js";
import type { InputParts } from "../output/manifest.js";
import { bookmarkTitle, inputParts, inputsHash, packageInputsHash, templateHasher } from "./inputs.js";
import { loadKeptHashes, readDiskState, type DiskEntry } from "../output/disk.js";
import { appCacheDir } from "../domain/app-cache.js";
import { readManifestFile, readPending, type ManifestRead } from "../output/manifest.js";
import { planJobs, type Job } from "../model/jobs.js";
import { planOutputs, type Decision, type PlanInputs } from "./plan-outputs.js";
import type { Format } from "./render-job.js";

export interface PlanRequest {
  app: Application;
  pack: CallPack;
  validation: ValidateResult;
  projectDir: string;
  outDir: string;
  /** Errors printed in the draft mark; null for a clean build. */
  draftErrors: number | null;
  langs?: readonly string[];
  only?: readonly string[];
  formats: readonly Format[];
  force: boolean;
}

export interface PlannedDocument {
  path: string;
  job: Job;
  format: Format;
  inputs: string;
  parts: InputParts | undefined;
}

export interface PreparedPlan {
  allJobs: Job[];
  jobs: Job[];
  templateDirs: string[];
  manifest: ManifestRead;
  pending: Record<string, string>;
  disk: Map<string, DiskEntry>;
  /** Document outputs in scope, by path. */
  documents: Map<string, PlannedDocument>;
  /** Package paths in scope, with their languages. */
  packages: Map<string, "bg" | "en">;
  partial: boolean;
  decisions: Decision[];
  /** sha256 of every input file (application data, templates used, call pack), for the manifest. */
  inputFiles: Record<string, string>;
  /** The application's readable narrative files, hashed into the documents that hold their slots. */
  narrative: NarrativeFile[];
}

export function preparePlan(req: PlanRequest): PreparedPlan {
  const { app, pack, outDir } = req;
  const templateDirs = templateSearchPath(req.projectDir);
  const templateFiles = templateHasher(templateDirs);
  const allJobs = planJobs(app, pack.documents);
  const jobs = planJobs(app, pack.documents, { ...(req.langs ? { langs: req.langs } : {}), ...(req.only ? { only: req.only } : {}) });
  // Problems with narrative files are reported by `apply validate` (and a submission build); here
  // only the readable files count.
  const narrative = readNarrative(req.projectDir).files;
  const env = { app, pack, draftErrors: req.draftErrors, narrative };

  const documents = new Map<string, PlannedDocument>();
  for (const job of jobs) {
    const templates = templateFiles(job.document, job.lang);
    const parts = templates ? inputParts(env, job, templates) : undefined;
    const inputs = parts ? inputsHash(parts) : "";
    for (const format of req.formats) documents.set(`${job.base}.${format}`, { path: `${job.base}.${format}`, job, format, inputs, parts });
  }
  const packages = new Map<string, "bg" | "en">();
  if (req.formats.includes("pdf")) {
    for (const lang of app.languages.filter((l) => !req.langs || req.langs.includes(l))) packages.set(`package-${lang}.pdf`, lang);
  }

  const manifest = readManifestFile(outDir);
  const pending = readPending(outDir);
  const everything = new Set(allJobs.flatMap((j) => [`${j.base}.docx`, `${j.base}.pdf`]));
  const packageParts = new Map([...packages].map(([path, lang]) => [path, allJobs.filter((j) => j.lang === lang)]));
  const diskPaths = new Set([...documents.keys(), ...packages.keys(), ...(manifest.manifest?.outputs.map((o) => o.path) ?? []),
    ...[...packageParts.values()].flat().map((j) => `${j.base}.pdf`)]);
  const kept = keptHashesFile(req.projectDir);
  if (kept) loadKeptHashes(kept, outDir);
  const disk = readDiskState(outDir, diskPaths);

  const recorded = new Map((manifest.manifest?.outputs ?? []).map((o) => [o.path, o]));
  const planInputs: PlanInputs = {
    documents: [...documents.values()].map((d) => ({ path: d.path, ...(d.parts ? { inputs: d.inputs, parts: d.parts } : {}) })),
    packages: [...packageParts].map(([path, partJobs]) => {
      const parts = partJobs.map((j) => `${j.base}.pdf`);
      // Hashed as the build hashes a merge: recorded titles, bytes of the parts as they are in out/.
      const shas = parts.map((p) => disk.get(p));
      const inputs = shas.every((e) => e?.kind === "file")
        ? packageInputsHash(partJobs.map((j, i) => ({ title: bookmarkTitle(app, j, recorded.get(parts[i]!)?.title), path: parts[i]!,
          sha: (shas[i] as { sha256: string }).sha256 })))
        : undefined;
      return { path, parts, ...(inputs ? { inputs } : {}) };
    }),
    everything,
  };
  const partial = Boolean(req.only || req.langs || req.formats.length < 2);
  const decisions = planOutputs({ manifest: manifest.manifest, problem: manifest.problem, pending }, disk, planInputs, { force: req.force, partial });

  const inputFiles: Record<string, string> = {};
  for (const f of req.validation.project?.files ?? []) inputFiles[`application/${f.path}`] = f.sha256;
  for (const f of pack.files) inputFiles[`call/${basename(f)}`] = sha256(readFileSync(f));
  // Every template of the plan, not only of this run's --only/--lang, so the manifest stays the same.
  for (const job of allJobs) Object.assign(inputFiles, templateFiles(job.document, job.lang)?.files ?? {});

  return { allJobs, jobs, templateDirs, manifest, pending, disk, documents, packages, partial, decisions, inputFiles, narrative };
}

/** Where the hashes of out/'s files are kept between runs (output/disk.ts), when the application has a cache folder. */
export function keptHashesFile(projectDir: string): string | undefined {
  const cache = appCacheDir(projectDir);
  return cache ? join(cache, "out-hashes.json") : undefined;
}
