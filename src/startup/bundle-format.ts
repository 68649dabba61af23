// What the start-up bundle's producer (scripts/build-startup.ts) and its runner (run-bundle.ts)
// agree on. Free of imports so the runner stays one small module.

/** The bundle and its code cache, relative to the package root. */
export const BUNDLE_FILE = "dist/startup/edih.cjs";
export const CODE_CACHE_FILE = "dist/startup/edih.v8cache";
/**
 * The render side as one ES module (src/package/render-side.ts): loaded by each thread that renders,
 * never at start-up. Stamped like the start-up bundle; it takes no code cache (an ES module cannot).
 */
export const RENDER_BUNDLE_FILE = "dist/startup/render.mjs";
/** Which files went into the bundle (from esbuild's metafile), for tests and for people. */
export const BUNDLE_INPUTS_FILE = "dist/startup/inputs.json";

/**
 * The compiled entry point the bundle was built next to. `tsc` rewrites it on every compile, so a
 * different modification time means dist/ is newer than the bundle: the runner then uses dist.
 */
export const DIST_MAIN_FILE = "dist/src/main.js";

/**
 * First line of the bundle: `// edih-startup <mtimeMs of dist/src/main.js> <id>`. The id is a
 * hash of the bundle's code; the code cache starts with the same id and a newline, because V8
 * itself checks only the source's length before trusting a cache.
 */
export const STAMP_PREFIX = "// edih-startup ";

export interface Stamp {
  distMainMtimeMs: number;
  id: string;
}

export function formatStamp(stamp: Stamp): string {
  return `${STAMP_PREFIX}${stamp.distMainMtimeMs} ${stamp.id}`;
}

export function parseStamp(firstLine: string): Stamp | undefined {
  if (!firstLine.startsWith(STAMP_PREFIX)) return undefined;
  const [mtime, id] = firstLine.slice(STAMP_PREFIX.length).split(" ");
  const distMainMtimeMs = Number(mtime);
  return Number.isFinite(distMainMtimeMs) && id && /^[0-9a-f]{16,64}$/.test(id) ? { distMainMtimeMs, id } : undefined;
}

/**
 * The bundle is CommonJS-shaped code run through vm.Script (the only way Node 20 takes a V8 code
 * cache), wrapped in a function of these parameters. `import()` and `import.meta.url` in the
 * sources become the last two, because a vm.Script's own `import()` needs an experimental flag
 * on Node 20.
 */
export const WRAPPER_PARAMS = ["exports", "require", "module", "__filename", "__dirname", "__edihImportMetaUrl", "__edihImport"] as const;

/** Wraps on the bundle's first line, so line numbers in stack traces stay those of the file. */
export function wrapBundle(code: string): string {
  return `(function (${WRAPPER_PARAMS.join(", ")}) {${code}\n})`;
}

/**
 * Where a bundle's code leaves ASCII, with a little context, or undefined. One non-ASCII
 * character makes V8 hold the whole source as a two-byte string: twice the memory for a source
 * it keeps for lazy compilation (1.3 MB and 2.7 MB here), in every process and render thread.
 * esbuild escapes strings but not regular expressions, so a source writes such characters as
 * \uXXXX there.
 */
export function firstNonAscii(code: string): { index: number; context: string } | undefined {
  const m = /[^\x00-\x7f]/.exec(code);
  return m ? { index: m.index, context: code.slice(Math.max(0, m.index - 40), m.index + 10) } : undefined;
}
