/**
 * The build plan as a value: one decision per output, with its reason. `apply build` executes it,
 * `apply build --dry-run` and `apply status` print it, so they can never disagree. Pure: the
 * manifest and the disk state it gets are already validated (schema, lstat, safe relative paths),
 * so no decision can name a path outside out/.
 */
import type { InputParts } from "../output/manifest.js";
import { changedParts } from "./inputs.js";
import type { DiskEntry, DiskState } from "../output/disk.js";
import { MANIFEST_FILE, type Manifest } from "../output/manifest.js";

export type Action = "render" | "carry" | "keep" | "remove" | "refuse";

/** Why, as a code tests and --json can rely on; `reason` says it in words. */
export type DecisionCode =
  | "missing" | "stale" | "interrupted" | "forced" | "no-template"   // render
  | "up-to-date"                                                      // carry
  | "edited" | "unknown" | "edited-current" | "dropped-edited" | "incomplete" // keep
  | "dropped"                                                         // remove
  | "unsafe" | "part-refused";                                        // refuse

export interface Decision {
  path: string;
  action: Action;
  code: DecisionCode;
  reason: string;
}

/** A document output this run is about (within --only/--lang/--format). */
export interface WantedOutput {
  path: string;
  /** Hash of what it is made from; undefined when its template does not exist. */
  inputs?: string;
  parts?: InputParts;
}

/** A merged per-language package. */
export interface WantedPackage {
  path: string;
  /** Its documents' PDFs, in order. */
  parts: readonly string[];
  /** Its inputs hash from its parts as they are on disk now; undefined if a part is not a file there. */
  inputs?: string;
}

export interface PlanInputs {
  documents: readonly WantedOutput[];
  packages: readonly WantedPackage[];
  /** Every document output of the whole application (any --only/--lang): a recorded output outside it was dropped. */
  everything: ReadonlySet<string>;
}

export interface PlanOptions {
  force?: boolean;
  /** --only, --lang or one --format: outputs outside the run are neither planned nor removed. */
  partial?: boolean;
}

export interface ManifestState {
  manifest: Manifest | undefined;
  /** Why out/manifest.json could not be used; every existing file then counts as unknown. */
  problem?: string | undefined;
  /** Hashes of a build that was interrupted before writing its manifest. */
  pending: Readonly<Record<string, string>>;
}

type FileState = "missing" | "unchanged" | "interrupted" | "edited" | "unknown" | "unsafe";

export function planOutputs(state: ManifestState, disk: DiskState, inputs: PlanInputs, options: PlanOptions = {}): Decision[] {
  const force = options.force ?? false;
  const recorded = new Map((state.manifest?.outputs ?? []).map((o) => [o.path, o]));
  const unknownWhy = state.problem
    ? `not recorded as edih's: ${MANIFEST_FILE} is not edih's manifest (${state.problem}); a build keeps it, --force overwrites it`
    : `not written by edih (no record in ${MANIFEST_FILE}): a build keeps it, --force overwrites it`;
  const fileState = (path: string): { state: FileState; entry: DiskEntry } => {
    const entry = disk.get(path) ?? { kind: "missing" };
    if (entry.kind === "missing") return { state: "missing", entry };
    if (entry.kind === "unsafe") return { state: "unsafe", entry };
    const rec = recorded.get(path)?.sha256;
    const pend = state.pending[path];
    if (rec === undefined && pend === undefined) return { state: "unknown", entry };
    if (entry.sha256 === rec) return { state: "unchanged", entry };
    return { state: entry.sha256 === pend ? "interrupted" : "edited", entry };
  };

  const decisions: Decision[] = [];
  const byPath = new Map<string, Decision>();
  const add = (d: Decision) => { decisions.push(d); byPath.set(d.path, d); };

  const decide = (path: string, inputsNow: string | undefined, staleWhy: () => string): Decision => {
    const { state: s, entry } = fileState(path);
    const prev = recorded.get(path);
    const current = prev !== undefined && inputsNow !== undefined && prev.inputs === inputsNow;
    if (s === "unsafe") return { path, action: "refuse", code: "unsafe", reason: `${entry.kind === "unsafe" ? entry.why : ""}; nothing written there — remove it and build again` };
    if (s === "missing") return { path, action: "render", code: "missing", reason: "not built yet" };
    if (s === "interrupted") return { path, action: "render", code: "interrupted", reason: "written by a build that was interrupted: the next build rewrites it" };
    if (s === "unchanged" && current) return { path, action: "carry", code: "up-to-date", reason: "inputs unchanged" };
    if (s === "edited" || s === "unknown") {
      if (force) return { path, action: "render", code: "forced", reason: s === "edited" ? "changed by hand: --force overwrites it" : "not written by edih: --force overwrites it" };
      if (s === "unknown") return { path, action: "keep", code: "unknown", reason: unknownWhy };
      if (current) return { path, action: "keep", code: "edited-current", reason: "changed by hand since the last build (its inputs did not change): kept, --force overwrites it" };
      return { path, action: "keep", code: "edited", reason: `changed by hand since the last build, and ${staleWhy()}: a build keeps it, --force overwrites it` };
    }
    if (inputsNow === undefined) return { path, action: "render", code: "no-template", reason: "its template is missing" };
    return { path, action: "render", code: "stale", reason: staleWhy() };
  };

  for (const doc of inputs.documents) {
    add(decide(doc.path, doc.inputs, () => {
      const prev = recorded.get(doc.path);
      if (doc.inputs === undefined) return "its template is missing";
      const changed = doc.parts ? changedParts(prev?.parts, doc.parts) : [];
      if (changed.length) return `${changed.join(", ")} changed`;
      return prev?.parts ? "its inputs changed" : "built by an older edih (no record of what changed)";
    }));
  }

  for (const pkg of inputs.packages) {
    const own = fileState(pkg.path);
    const refusedPart = pkg.parts.find((p) => byPath.get(p)?.action === "refuse" || fileState(p).state === "unsafe");
    if (own.state !== "unsafe" && refusedPart) {
      add({ path: pkg.path, action: "refuse", code: "part-refused", reason: `its part ${refusedPart} is refused; the package is not merged` });
      continue;
    }
    const changing = pkg.parts.filter((p) => byPath.get(p)?.action === "render");
    const absent = pkg.parts.filter((p) => !byPath.has(p) && fileState(p).state === "missing");
    if (own.state !== "unsafe" && !(own.state === "edited" || own.state === "unknown") && absent.length) {
      add({ path: pkg.path, action: "keep", code: "incomplete", reason: `waits for ${absent[0]}${absent.length > 1 ? ` and ${absent.length - 1} more` : ""}, not built yet` });
      continue;
    }
    add(decide(pkg.path, changing.length ? undefined : pkg.inputs, () =>
      changing.length ? `${changing.length} of its ${pkg.parts.length} documents change` : "its documents changed since it was merged"));
    const d = byPath.get(pkg.path)!;
    // A package whose parts re-render is stale even though its own hash cannot be known yet.
    if (d.code === "no-template") Object.assign(d, { code: "stale", reason: `${changing.length} of its ${pkg.parts.length} documents change` });
  }

  if (!options.partial) {
    for (const o of state.manifest?.outputs ?? []) {
      if (byPath.has(o.path) || inputs.everything.has(o.path) || /^package-/.test(o.path)) continue;
      const s = fileState(o.path).state;
      if (s === "missing" || s === "unsafe") continue;
      if (s === "unchanged" || s === "interrupted") {
        // A file of a partner or document no longer in the application could be filed by mistake.
        add({ path: o.path, action: "remove", code: "dropped", reason: "no longer part of the application: a full build removes it" });
      } else {
        add({ path: o.path, action: "keep", code: "dropped-edited", reason: "no longer part of the application, but changed by hand: kept" });
      }
    }
  }
  return decisions;
}

/** The decisions a build reports as errors: it would otherwise leave a file it should have rewritten. */
export function isBlocking(d: Decision): boolean {
  return d.action === "refuse" || d.code === "edited" || d.code === "unknown";
}
