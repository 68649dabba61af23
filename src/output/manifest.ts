/**
 * out/manifest.json: the one module that reads and writes it. The output folder travels (zipped,
 * e-mailed, synced, checked into git), so the manifest is untrusted input: it is parsed with a
 * schema, and every path in it must name a file inside out/ the way edih names its outputs.
 * Anything else makes the whole manifest unreadable, and its files count as unknown (kept).
 */
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { deepFreeze } from "../domain/freeze.js";
import { LruMap } from "../domain/lru.js";

export const MANIFEST_FILE = "manifest.json";
/** Hashes of outputs being moved into place; lets a build killed half-way be told apart from a hand edit. */
export const PENDING_FILE = ".edih-pending.json";

/**
 * An output path as edih writes them: `package-bg.pdf` or `<lang>/<name>.<docx|pdf>`, each segment
 * plain (letters, digits, `-`, `_`, `.`, not starting with a dot). No `..`, no absolute path, no
 * backslash: a received manifest can never steer a write or delete outside out/.
 */
export const OUTPUT_PATH = /^(?:[a-z]{2}\/)?[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}\.(?:docx|pdf)$/;

export function isSafeOutputPath(path: string): boolean {
  return OUTPUT_PATH.test(path) && !path.split("/").some((s) => s === ".." || s === ".");
}

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const OutputPath = z.string().refine(isSafeOutputPath, "not a path inside out/ (edih writes <lang>/<name>.docx|pdf or package-<lang>.pdf)");

const Parts = z.object({
  tool: z.string(), data: z.string(), templates: z.string(), call: z.string(), refdata: z.string(),
  draft: z.number().int().nonnegative().nullable(),
  narrative: z.string().optional(),
});

/**
 * One output. A new per-output record (e.g. what each narrative slot held at build time) is one
 * optional line here; fields this edih does not know are dropped on parse and not written back.
 */
const ManifestOutputSchema = z.object({
  path: OutputPath,
  sha256: Sha,
  size: z.number().int().nonnegative(),
  document: z.string(),
  lang: z.string(),
  partner: z.string().optional(),
  format: z.enum(["docx", "pdf"]),
  inputs: z.string(),
  parts: Parts.optional(),
  title: z.string().optional(),
  pages: z.number().int().nonnegative().optional(),
  /** Per slot of a DOCX: sha256 of what `narrative pull` reads from it unedited, and of the narrative file it came from. */
  slots: z.record(z.string(), z.object({ docx: Sha, narrative: Sha.nullable() })).optional(),
  /**
   * sha256 of what the writers were given (src/package/render-key.ts). A later build whose
   * writers would be given the same reuses the file's bytes, if the file is unchanged on disk.
   */
  render: Sha.optional(),
  /**
   * The document's fill-in markers and the tool's notes, when its text parsed without a problem:
   * a later build that keeps the file (the same render key) reports them without parsing again.
   */
  fills: z.number().int().nonnegative().optional(),
  notes: z.array(z.string()).optional(),
});

const ManifestSchema = z.object({
  tool: z.object({ name: z.literal("edih"), version: z.string() }),
  call: z.string(),
  stage: z.string(),
  draft: z.boolean(),
  inputs: z.record(z.string(), z.string()),
  outputs: z.array(ManifestOutputSchema),
});

/**
 * The parts of an output's inputs hash, kept apart in the manifest so `apply status` can say which
 * one changed. `draft` is the number of errors printed in the draft mark, or null for a clean build.
 */
export interface InputParts {
  tool: string;
  data: string;
  templates: string;
  call: string;
  refdata: string;
  draft: number | null;
  /** The document copy's narrative files (src/narrative/hash.ts); absent when it has none. */
  narrative?: string;
}

export type InputPart = keyof InputParts;

export type ManifestOutput = z.infer<typeof ManifestOutputSchema> & { parts?: InputParts };
export type Manifest = Omit<z.infer<typeof ManifestSchema>, "outputs"> & { outputs: ManifestOutput[] };

export interface ManifestRead {
  manifest: Manifest | undefined;
  /** The text as on disk (a build leaves an unchanged manifest untouched). */
  text: string | undefined;
  /** Why a manifest that exists could not be used, in words; undefined when absent or fine. */
  problem?: string;
}

export function readManifest(outDir: string): Manifest | undefined {
  return readManifestFile(outDir).manifest;
}

export function readManifestFile(outDir: string): ManifestRead {
  const read = readText(join(outDir, MANIFEST_FILE));
  if (read.problem) return { manifest: undefined, text: undefined, problem: read.problem };
  const text = read.text;
  if (text === undefined) return { manifest: undefined, text };
  return manifestFromText(text);
}

/**
 * Manifests checked before, by their exact text: in `apply build --watch` each rebuild reads the
 * manifest the one before wrote, and checking it against the schema took ~5 ms of a ~25 ms plan.
 * The build checks what it wrote after its PDFs are out (rememberManifest), so the next rebuild
 * finds it here. Frozen, because every reader gets the same one.
 */
const checkedManifests = new LruMap<string, Manifest>(4_000_000, (_, text) => text.length);

/** Checks the manifest text a build just wrote, for the next build of this process to find. */
export function rememberManifest(text: string): void {
  manifestFromText(text);
}

function manifestFromText(text: string): ManifestRead {
  const known = checkedManifests.get(text);
  if (known) return { manifest: known, text };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { manifest: undefined, text, problem: `it is not JSON (${(err as Error).message.split("\n")[0]}) — truncated or edited?` };
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.map(String).join(".") : "the top level";
    return { manifest: undefined, text, problem: `${where}: ${issue.message}` };
  }
  const paths = new Set<string>();
  for (const o of parsed.data.outputs) {
    if (paths.has(o.path)) return { manifest: undefined, text, problem: `outputs: ${o.path} is listed twice` };
    paths.add(o.path);
  }
  const manifest = deepFreeze(parsed.data as Manifest);
  checkedManifests.set(text, manifest);
  return { manifest, text };
}

const Pending = z.record(z.string(), Sha);

export function readPending(outDir: string): Record<string, string> {
  const { text } = readText(join(outDir, PENDING_FILE));
  if (text === undefined) return {};
  try {
    const parsed = Pending.safeParse(JSON.parse(text));
    // Only safe paths count; a damaged pending file just means nothing was interrupted.
    return parsed.success ? Object.fromEntries(Object.entries(parsed.data).filter(([p]) => isSafeOutputPath(p))) : {};
  } catch {
    return {};
  }
}

/** A regular file's text; a link, a folder or anything else in its place is a problem, never followed. */
function readText(file: string): { text?: string; problem?: string } {
  let info;
  try {
    info = lstatSync(file);
  } catch {
    return {};
  }
  if (info.isSymbolicLink()) return { problem: "it is a symbolic link (edih never follows links in out/)" };
  if (!info.isFile()) return { problem: "it is not a file" };
  // A manifest of a whole package is a few hundred kilobytes; a huge one is not ours.
  if (info.size > 32 * 1024 * 1024) return { problem: "it is larger than 32 MB" };
  return { text: readFileSync(file, "utf8") };
}

/** Deterministic serialisation: outputs sorted by path, inputs by key. */
export function serializeManifest(m: Manifest): string {
  const inputs = Object.fromEntries(Object.entries(m.inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
  const outputs = [...m.outputs].sort((a, b) => (a.path < b.path ? -1 : 1));
  return JSON.stringify({ ...m, inputs, outputs }, null, 2) + "\n";
}
