import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { StateError } from "../errors.js";

/**
 * Where edih is installed: the folder of the package.json named "edih" above this module. Found by
 * walking up because the module runs from src/ (tests), dist/src/ (the CLI) and the start-up bundle
 * (dist/), each at a different depth. One search and one failure for everything shipped beside
 * the code (data/, templates/, examples/, the version): a broken installation is reported once, the
 * same way, instead of falling back to the user's folder or a made-up version.
 */
export interface Installation {
  readonly root: string;
  readonly version: string;
}

let found: Installation | undefined;

/** The machine's state, not a bug in the user's data nor (usually) in edih: exit 1 with one line. */
export class InstallationError extends StateError {
  constructor(from: string) {
    super(`edih's installation is incomplete: no package.json named "edih" above ${from}`, "reinstall edih (npm install -g edih)");
    this.name = "InstallationError";
  }
}

export function installation(): Installation {
  if (found) return found;
  const from = dirname(fileURLToPath(import.meta.url));
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = readPackage(join(dir, "package.json"));
    if (pkg?.name === "edih" && typeof pkg.version === "string") return (found = Object.freeze({ root: dir, version: pkg.version }));
    if (dirname(dir) === dir) throw new InstallationError(from);
  }
}

function readPackage(path: string): { name?: unknown; version?: unknown } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
  } catch {
    return undefined; // someone else's broken package.json on the way up is not ours
  }
}

export const installRoot = (): string => installation().root;
/** edih's own version: part of every output's input hash, so a new release rebuilds everything. */
export const toolVersion = (): string => installation().version;
export const dataDir = (): string => join(installRoot(), "data");
export const bundledTemplatesDir = (): string => join(installRoot(), "templates");
export const examplesDir = (): string => join(installRoot(), "examples");

/** Where templates are looked up: the application's own templates/ first, then the bundled ones. */
export function templateSearchPath(projectDir: string): string[] {
  const own = join(projectDir, "templates");
  return [...(existsSync(own) ? [own] : []), bundledTemplatesDir()];
}
