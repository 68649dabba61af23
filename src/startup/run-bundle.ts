// Runs the start-up bundle (dist/startup/edih.cjs) with its V8 code cache. Node 20 has no
// module.enableCompileCache, and vm.Script is the one API that takes a code cache; so the bundle
// is a script, compiled here, and a cache V8 rejects (another Node version, other V8 flags) just
// means compiling from source. Nothing is written at run time: the cache is made by the build.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { setBuildId } from "../domain/build-id.js";
import { BUNDLE_FILE, CODE_CACHE_FILE, DIST_MAIN_FILE, parseStamp, wrapBundle, type Stamp } from "./bundle-format.js";

// Not `import ... from "node:fs"`: an ES module's view of a built-in reads every export once, and
// fs's stream getters then load the stream modules (~4 ms) before anything needs them.
const { closeSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } = process.getBuiltinModule("node:fs");

export interface RunBundleOptions {
  /** Build step only: write the code cache when the process exits (after the run compiled what it used). */
  writeCodeCache?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts edih from the bundle under `root` (the package folder). Returns false, having run
 * nothing, when there is no usable bundle: absent, disabled by EDIH_BUNDLE=0, or older than
 * dist/ (compiled again since it was bundled). The caller then starts dist/src/main.js.
 */
export function runBundle(root: string, options: RunBundleOptions = {}): boolean {
  if ((options.env ?? process.env).EDIH_BUNDLE === "0") return false;
  const file = join(root, BUNDLE_FILE);
  let source: string;
  try {
    // Read, then decoded: ~5 ms less for the 1.3 MB bundle than readFileSync(file, "utf8") on Node 20.
    source = readFileSync(file).toString("utf8");
  } catch {
    return false;
  }
  const stamp = parseStamp(source.slice(0, source.indexOf("\n")));
  if (!stamp || !matchesDist(root, stamp)) return false;

  const cacheFile = join(root, CODE_CACHE_FILE);
  const cachedData = options.writeCodeCache ? undefined : readCodeCache(cacheFile, stamp);
  const script = new Script(wrapBundle(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (options.writeCodeCache) {
    process.once("exit", () => writeCodeCache(cacheFile, stamp, script.createCachedData()));
  }

  const url = pathToFileURL(file);
  const module = { exports: {} };
  const importFromBundle = (specifier: string): Promise<unknown> =>
    import(specifier.startsWith(".") ? new URL(specifier, url).href : specifier);
  setBuildId(stamp.id);
  const start = script.runInThisContext() as (...args: unknown[]) => void;
  start.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), url.href, importFromBundle);
  return true;
}

/** Whether `root` holds a bundle the runner would use (built after the last compile of dist/). */
export function bundleIsCurrent(root: string): boolean {
  return stampedBundleIsCurrent(join(root, BUNDLE_FILE), join(root, DIST_MAIN_FILE));
}

function matchesDist(root: string, stamp: Stamp): boolean {
  return stampMatches(join(root, DIST_MAIN_FILE), stamp);
}

function stampMatches(distMain: string, stamp: Stamp): boolean {
  try {
    return statSync(distMain).mtimeMs === stamp.distMainMtimeMs;
  } catch {
    return false;
  }
}

/**
 * Whether the stamped file `bundle` (either bundle) was built from the dist/ whose entry point is
 * `distMain`, reading only its first line: false when it is absent, unstamped, or dist/ was compiled
 * again since.
 */
export function stampedBundleIsCurrent(bundle: string, distMain: string): boolean {
  let fd: number;
  try {
    fd = openSync(bundle, "r");
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(256);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString("latin1");
    const end = text.indexOf("\n");
    const stamp = end < 0 ? undefined : parseStamp(text.slice(0, end));
    return stamp !== undefined && stampMatches(distMain, stamp);
  } finally {
    closeSync(fd);
  }
}

/** The cache only when it names this bundle; V8 then checks its own version and flags. */
function readCodeCache(file: string, stamp: Stamp): Buffer | undefined {
  try {
    const data = readFileSync(file);
    const header = `${stamp.id}\n`;
    return data.subarray(0, header.length).toString("latin1") === header ? data.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

function writeCodeCache(file: string, stamp: Stamp, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([Buffer.from(`${stamp.id}\n`, "latin1"), data]));
  renameSync(temp, file);
}
