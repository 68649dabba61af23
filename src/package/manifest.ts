import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { InputParts } from "./inputs.js";

export const MANIFEST_FILE = "manifest.json";
/** Hashes of outputs being moved into place; lets a build killed half-way be told apart from a hand edit. */
export const PENDING_FILE = ".edih-pending.json";

export interface ManifestOutput {
  /** Path relative to the out folder, posix separators. */
  path: string;
  sha256: string;
  size: number;
  document: string;
  lang: string;
  partner?: string;
  format: "docx" | "pdf";
  /** Hash of everything the file was made from (data slice, templates, tool version, options). */
  inputs: string;
  /** What `inputs` hashes, part by part, so `apply status` can say what changed (not on merged packages). */
  parts?: InputParts;
  /** Document title, for the bookmark of the merged package when this file is not re-rendered. */
  title?: string;
  /** Page count of a PDF, for limits checked without re-rendering. */
  pages?: number;
  /** Per slot of a DOCX: sha256 of what `narrative pull` reads from it unedited, and of the narrative file it came from. */
  slots?: Record<string, { docx: string; narrative: string | null }>;
}

export interface Manifest {
  tool: { name: "edih"; version: string };
  call: string;
  stage: string;
  draft: boolean;
  /** sha256 of every input file (application data, templates used, call pack), by path. */
  inputs: Record<string, string>;
  outputs: ManifestOutput[];
}

export function readManifest(outDir: string): Manifest | undefined {
  return readManifestFile(outDir).manifest;
}

/** The manifest parsed, and its text as on disk (a build leaves an unchanged manifest untouched). */
export function readManifestFile(outDir: string): { manifest: Manifest | undefined; text: string | undefined } {
  const text = readText(join(outDir, MANIFEST_FILE));
  return { manifest: parseJson<Manifest>(text), text };
}

export function readPending(outDir: string): Record<string, string> {
  return parseJson<Record<string, string>>(readText(join(outDir, PENDING_FILE))) ?? {};
}

function readText(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A damaged manifest means we cannot tell hand edits apart: callers treat that as "no manifest".
    return undefined;
  }
}

/** Deterministic serialisation: outputs sorted by path, inputs by key. */
export function serializeManifest(m: Manifest): string {
  const inputs = Object.fromEntries(Object.entries(m.inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
  const outputs = [...m.outputs].sort((a, b) => (a.path < b.path ? -1 : 1));
  return JSON.stringify({ ...m, inputs, outputs }, null, 2) + "\n";
}
