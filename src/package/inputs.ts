/**
 * What an output is made from, hashed: the one place `apply build` (to skip up-to-date files) and
 * `apply status` (to list stale ones without rendering) compute it, so they can never disagree.
 * Light on purpose: reads template and data files as bytes, loads no template engine.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { CallPack } from "../calls/index.js";
import { documentInputs } from "../model/inputs.js";
import { textIn } from "../model/text.js";
import { dataDir } from "../domain/install.js";
import type { Application } from "../schema/index.js";
import { toolVersion } from "../domain/install.js";
import { sha256, stableJson } from "../domain/hash.js";
import type { Job } from "../model/jobs.js";
import type { NarrativeFile } from "../narrative/load.js";
import { narrativeHash } from "../narrative/hash.js";

import type { InputPart, InputParts } from "../output/manifest.js";

export interface TemplateFiles {
  /** sha256 by display path (`templates/statute/bg.md.hbs`). */
  files: Record<string, string>;
  hash: string;
}


/**
 * Every file a document's template set may read, as the renderer chooses them
 * (render/index.ts loadTemplateSet): the first `<doc>/<lang>.md.hbs` on the search path, every
 * shared partial, and the labels of the language. Undefined when the template does not exist.
 */
export function templateFiles(dirs: readonly string[], document: string, lang: string): TemplateFiles | undefined {
  return templateHasher(dirs)(document, lang);
}

/**
 * templateFiles for a whole run: every document shares the partials, so each file is read and
 * hashed once, and each document/language is worked out once.
 */
export function templateHasher(dirs: readonly string[]): (document: string, lang: string) => TemplateFiles | undefined {
  const fileHashes = new Map<string, string>();
  const sets = new Map<string, TemplateFiles | undefined>();
  const hashOf = (path: string) => {
    let h = fileHashes.get(path);
    if (h === undefined) fileHashes.set(path, (h = sha256(readFileSync(path))));
    return h;
  };
  // The partials and labels every document of a language shares, listed once per run.
  const shared = new Map<string, { root: string; path: string }[]>();
  const sharedFiles = (lang: string) => {
    let list = shared.get(lang);
    if (!list) {
      list = [];
      for (const d of dirs) {
        const pd = join(d, "_partials");
        if (existsSync(pd)) for (const f of readdirSync(pd).sort()) if (f.endsWith(".md.hbs")) list.push({ root: d, path: join(pd, f) });
        const labels = join(d, "_labels", `${lang}.yaml`);
        if (existsSync(labels)) list.push({ root: d, path: labels });
      }
      shared.set(lang, list);
    }
    return list;
  };
  const compute = (document: string, lang: string): TemplateFiles | undefined => {
    const rel = join(document, `${lang}.md.hbs`);
    const own = dirs.find((d) => existsSync(join(d, rel)));
    if (!own) return undefined;
    const files: Record<string, string> = {};
    const add = (root: string, path: string) => {
      files[displayPath(dirs, root, path)] = hashOf(path);
    };
    add(own, join(own, rel));
    for (const { root, path } of sharedFiles(lang)) add(root, path);
    return { files, hash: sha256(stableJson(files)) };
  };
  return (document, lang) => {
    const key = `${document}/${lang}`;
    if (!sets.has(key)) sets.set(key, compute(document, lang));
    return sets.get(key);
  };
}

/** Bundled templates show as `templates/…`, the application's own as `app-templates/…`. */
function displayPath(dirs: readonly string[], root: string, path: string): string {
  const prefix = dirs.length > 1 && root === dirs[0] ? "app-templates" : "templates";
  return `${prefix}/${relative(root, path).split(/[/\\]/).join("/")}`;
}

let refdataHash: string | undefined;
/** The bundled reference tables (NUTS names, legal forms) that documents print names from. */
export function referenceDataHash(): string {
  if (refdataHash) return refdataHash;
  const dir = dataDir();
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (f !== "README.md" && statSync(p).isFile()) files[f] = sha256(readFileSync(p));
  }
  return (refdataHash = sha256(stableJson(files)));
}

const callHashes = new WeakMap<CallPack, string>();
/** The call pack as documents see it: its id, title, facts (rates, limits, dates) and documents. */
export function callHash(pack: CallPack): string {
  // Asked once per output of a build (146 for the example); a loaded pack is not changed afterwards.
  let h = callHashes.get(pack);
  if (h === undefined) callHashes.set(pack, (h = sha256(stableJson({ id: pack.id, title: pack.title, stage: pack.stage, facts: pack.facts, documents: pack.documents }))));
  return h;
}

export interface HashEnv {
  app: Application;
  pack: CallPack;
  /** Errors printed in the draft mark; null when the build is not a draft. */
  draftErrors: number | null;
  /** The application's narrative files (src/narrative/load.ts). */
  narrative?: readonly NarrativeFile[];
}

/**
 * The slice's JSON by document and partner, per loaded application: both languages of a document
 * share one slice, and the shared documents' slices (all partners) are most of a plan's hashing.
 */
const sliceTexts = new WeakMap<Application, Map<string, string>>();

function sliceJson(app: Application, document: string, partner: string | undefined): string {
  let texts = sliceTexts.get(app);
  if (!texts) sliceTexts.set(app, (texts = new Map()));
  const key = `${document}\u0000${partner ?? ""}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = stableJson(documentInputs(app, document, partner))));
  return text;
}

export function inputParts(env: HashEnv, job: Job, templates: TemplateFiles): InputParts {
  const jobJson = stableJson({ document: job.document, lang: job.lang, partner: job.partner ?? null });
  return {
    tool: toolVersion(),
    // stableJson({ job, slice }) written out: its keys are already in sorted order.
    data: sha256(`{"job":${jobJson},"slice":${sliceJson(env.app, job.document, job.partner)}}`),
    templates: templates.hash,
    call: callHash(env.pack),
    refdata: referenceDataHash(),
    draft: env.draftErrors,
    ...optionalNarrative(env, job),
  };
}

function optionalNarrative(env: HashEnv, job: Job): { narrative?: string } {
  const h = env.narrative ? narrativeHash(env.narrative, job) : undefined;
  return h ? { narrative: h } : {};
}

export function inputsHash(parts: InputParts): string {
  return sha256(stableJson(parts));
}

/**
 * The bookmark of a document in the merged package. Per-partner documents share a title
 * ("Declaration"), so theirs names whose copy it is.
 */
export function bookmarkTitle(app: Application, job: Job, title: string | undefined): string {
  const base = title ?? job.base;
  const partner = job.partner ? app.partners.find((p) => p.id === job.partner) : undefined;
  if (!partner) return base;
  return `${base} — ${textIn(partner.name, job.lang) ?? partner.id}`;
}

/** The merged package is made from its parts' bytes, in order, with their titles. */
export function packageInputsHash(parts: readonly { title: string; path: string; sha: string }[]): string {
  return sha256(stableJson({ tool: toolVersion(), parts }));
}

const PART_NAMES: Record<InputPart, string> = {
  tool: "edih version", data: "data", narrative: "narrative", templates: "template", call: "call pack", refdata: "reference data", draft: "draft mark",
};

/** Which parts differ, in words; empty when the recorded parts are unknown (older manifest). */
export function changedParts(before: Partial<InputParts> | undefined, now: InputParts): string[] {
  if (!before) return [];
  const out: string[] = [];
  for (const key of Object.keys(PART_NAMES) as InputPart[]) {
    if (before[key] === now[key]) continue;
    if (key === "tool") out.push(`edih version ${before.tool ?? "?"} → ${now.tool}`);
    else if (key === "draft") out.push(now.draft === null ? "no longer a draft" : before.draft == null ? "now a draft" : "draft error count");
    else out.push(PART_NAMES[key]);
  }
  return out;
}
