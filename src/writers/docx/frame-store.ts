/**
 * The DOCX frames (frame.ts) made ahead of time by the build step, as the templates are
 * (render/precompiled.ts): loading docx and making a process's first frames was ~160 ms of each
 * render thread. A frame is stored under a hash of everything docx was given for it and of
 * docx's version, so the file can be stale or absent but never wrong: a frame not found is made
 * with docx as before. EDIH_BUNDLE=0 makes every frame at run time.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { installRoot } from "../../domain/install.js";

/** Relative to the installation. */
export const FRAMES_FILE = "dist/startup/docx-frames.json";

interface Store {
  /** Every distinct part's text once: the frames share most of theirs. */
  texts: string[];
  /** By fingerprint: the frame's parts in zip order, as [path, index into texts]. */
  frames: Record<string, [string, number][]>;
}

let docxVersion: string | undefined;
/**
 * docx's version, from the package.json of the package `import("docx")` finds (its exports do not
 * list package.json: the nearest one above its entry file that names docx).
 */
function versionOfDocx(): string {
  if (docxVersion !== undefined) return docxVersion;
  docxVersion = "";
  try {
    for (let dir = dirname(createRequire(import.meta.url).resolve("docx")); dirname(dir) !== dir; dir = dirname(dir)) {
      const file = join(dir, "package.json");
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "docx") {
        docxVersion = pkg.version ?? "";
        break;
      }
    }
  } catch {
    // Not found: the frames are stored and looked up without a version, still by their options.
  }
  return docxVersion;
}

export const frameFingerprint = (options: object): string =>
  createHash("sha256").update(`docx ${versionOfDocx()}\n`).update(JSON.stringify(options)).digest("hex");

let store: Store | null | undefined;

function load(): Store | null {
  if (store !== undefined) return store;
  try {
    const data = JSON.parse(readFileSync(join(installRoot(), FRAMES_FILE), "utf8")) as Store;
    store = Array.isArray(data.texts) && data.frames && typeof data.frames === "object" ? data : null;
  } catch {
    store = null; // not built (a run from sources before `npm run build`): made at run time
  }
  return store;
}

/** The stored frame made from these very options, or undefined. */
export function storedFrame(options: object): Map<string, string> | undefined {
  if (process.env.EDIH_BUNDLE === "0") return undefined;
  const s = load();
  const entries = s?.frames[frameFingerprint(options)];
  if (!s || !Array.isArray(entries)) return undefined;
  const parts = new Map<string, string>();
  for (const [path, index] of entries) {
    const text = s.texts[index];
    if (typeof path !== "string" || typeof text !== "string") return undefined;
    parts.set(path, text);
  }
  return parts;
}

/** What the build step writes: the frames of `made` (options and their parts), texts shared. */
export function frameStore(made: readonly { options: object; parts: ReadonlyMap<string, string> }[]): Store {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const frames: Store["frames"] = {};
  for (const { options, parts } of made) {
    frames[frameFingerprint(options)] = [...parts].map(([path, text]) => {
      let i = index.get(text);
      if (i === undefined) index.set(text, (i = texts.push(text) - 1));
      return [path, i];
    });
  }
  return { texts, frames };
}
