// Build step after `tsc` (npm run build / prepare / pretest): makes `edih` start fast.
//  1. data/*.yaml and data/calls/*.yaml → dist/data/**/*.json (the YAML stays the source).
//  2. One bundle of everything `edih` runs before it renders anything — the CLI, load, schema,
//     rules, validate, the build's plan and hashes — from src/ as it is now, into
//     dist/startup/edih.cjs. The render side (src/writers, src/render, the render pool and its
//     workers) and every package imported only lazily (docx, pdf, templates, fonts, prompts) stay
//     outside: the bundle imports them from dist/ and node_modules when a build renders.
//  3. A V8 code cache of the bundle, made by running `apply validate` on the bundled example once.
//  4. One ES module of the render side (src/package/render-job.ts and all it loads, packages
//     included but the native Typst compiler), dist/startup/render.mjs, which every thread that
//     renders loads instead of the modules one by one (src/package/render-side.ts).
//  5. The bundled templates precompiled by Handlebars, by the hash of each string the renderer
//     compiles (src/render/precompiled.ts).
// Skipped when nothing the outputs are made from changed since the last run (made-from.txt);
// `--check` says whether that is so without building.
// Without esbuild (a production install) it stops after step 1: bin/edih.js then runs dist/.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isBuiltin } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Metafile, Plugin } from "esbuild";
import { compileDataYaml } from "../src/refdata/compiled.js";
import { BUNDLE_FILE, BUNDLE_INPUTS_FILE, CODE_CACHE_FILE, DIST_MAIN_FILE, RENDER_BUNDLE_FILE, firstNonAscii, formatStamp } from "../src/startup/bundle-format.js";
import { runBundle } from "../src/startup/run-bundle.js";
import { PRECOMPILED_TEMPLATES_FILE, precompileSources } from "../src/render/precompiled.js";
import { templateParts } from "../src/render/front-matter.js";
import { FRAME_KEYS, frameOptions, makeFrameParts } from "../src/writers/docx/frame.js";
import { FRAMES_FILE, frameStore } from "../src/writers/docx/frame-store.js";
import { readTextFile } from "../src/load/text.js";
import { createHash } from "node:crypto";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SRC = join(ROOT, "src");

/** src/ modules that run from dist/ even when imported by the bundle: what renders documents. */
const DIST_SIDE = [/^writers\//, /^render\//, /^package\/render-[^/]+\.ts$/,
  // The narrative checks run the templates (slot inventory): they load with the render side.
  /^narrative\/(facts|inventory)\.ts$/,
  // `narrative pull` reads DOCX (fflate, sax): only that command loads it.
  /^narrative\/(pull|stamp|docx-package|docx-read|docx-to-markdown|xml)\.ts$/];

/** Packages that must never be inside the bundle: the render libraries and fonts. */
const HEAVY = /^(docx|pdfmake|pdfkit|handlebars|fflate|@cantoo\/|@expo-google-fonts\/|@myriaddreamin\/)/;

/** Marks an import of a dist/ module: `edih-dist:package/render-pool.js`. */
const DIST_PREFIX = "edih-dist:";

function fail(message: string): never {
  process.stderr.write(`build-startup: ${message}\n`);
  process.exit(1);
}

function compileData(): number {
  const data = join(ROOT, "data");
  const files = [join(data, "legal-forms.yaml"), ...readdirSync(join(data, "calls")).filter((f) => f.endsWith(".yaml")).map((f) => join(data, "calls", f))];
  rmSync(join(ROOT, "dist", "data"), { recursive: true, force: true });
  return files.filter((f) => compileDataYaml(f) !== undefined).length;
}

/** Every template file shipped with edih (templates/**.md.hbs). */
function templateFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".md.hbs")) out.push(join(dir, e.name));
    }
  };
  walk(join(ROOT, "templates"));
  return out;
}

/** Partials as they are; a document's template as the two bodies the renderer compiles. */
function precompileTemplates(): number {
  const sources = new Set<string>();
  for (const file of templateFiles()) {
    const text = readTextFile(file);
    if (relative(join(ROOT, "templates"), file).startsWith(`_partials${sep}`)) sources.add(text);
    else {
      const parts = templateParts(text);
      sources.add(parts.documentBody).add(parts.markdownBody);
    }
  }
  writeAtomic(join(ROOT, PRECOMPILED_TEMPLATES_FILE), JSON.stringify(precompileSources(sources)) + "\n");
  return sources.size;
}

/** The DOCX frame of every setting a document is written with (writers/docx/frame-store.ts). */
async function precomputeFrames(): Promise<number> {
  const made = await Promise.all(FRAME_KEYS.map(async (key) => {
    const options = frameOptions(key);
    return { options, parts: await makeFrameParts(options) };
  }));
  writeAtomic(join(ROOT, FRAMES_FILE), JSON.stringify(frameStore(made)) + "\n");
  return made.length;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** A src/ file's path as imported from the bundle's folder into dist/src. */
function distSpecifier(srcRel: string): string {
  return `../src/${srcRel.replace(/\.ts$/, ".js").split(sep).join("/")}`;
}

/**
 * A module on the dist side imported statically by a bundled one (package/build.ts imports the
 * render pool) is replaced by forwarding functions that import it on first call, so starting edih
 * never loads it. Forwarding is exact only for async functions (checked against dist/); other
 * exports are left out, and a bundled module importing one fails the bundle with esbuild's
 * "No matching export" (see the hint printed then).
 */
async function deferredStub(srcRel: string): Promise<string> {
  const spec = distSpecifier(srcRel);
  const mod = (await import(pathToFileURL(join(ROOT, "dist", "startup", spec)).href)) as Record<string, unknown>;
  const lines = [`const load = () => import(${JSON.stringify(DIST_PREFIX + spec)});`];
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === "function" && value.constructor.name === "AsyncFunction") {
      lines.push(`export async function ${name}(...args) { return (await load()).${name}(...args); }`);
    }
  }
  return lines.join("\n");
}

const boundary: Plugin = {
  name: "edih-startup-boundary",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${DIST_PREFIX}`) }, (args) => ({ path: args.path.slice(DIST_PREFIX.length), external: true }));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace === "edih-deferred") return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
      const rel = relative(SRC, target);
      if (rel.startsWith("..") || !DIST_SIDE.some((re) => re.test(rel.split(sep).join("/")))) return undefined;
      if (args.kind === "dynamic-import") return { path: distSpecifier(rel), external: true };
      return { path: rel, namespace: "edih-deferred" };
    });
    build.onLoad({ filter: /.*/, namespace: "edih-deferred" }, async (args) => ({ contents: await deferredStub(args.path), loader: "js", resolveDir: SRC }));
    // commander requires child_process when it loads, for executable subcommands, which edih has
    // none of; child_process brings net and dgram (~4 ms of every start). It gets it on first use.
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      (args.importer.includes(`${sep}node_modules${sep}commander${sep}`) ? { path: "child_process", namespace: "edih-lazy-builtin" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "edih-lazy-builtin" }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => require("node:${args.path}")[name] });`, loader: "js" }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith(DIST_PREFIX) || isBuiltin(args.path)) return undefined;
      // Lazily imported packages stay lazy: they load from node_modules when first needed.
      if (args.kind === "dynamic-import") return { path: args.path, external: true };
      if (HEAVY.test(packageName(args.path))) {
        fail(`${relative(ROOT, args.importer)} imports ${args.path} statically, which would put a render library on the start-up path; import it with await import() where it is needed`);
      }
      return undefined;
    });
  },
};

/** The external `import("x")` calls esbuild left in place become the wrapper's importer. */
function rewriteImports(code: string, meta: Metafile): string {
  const output = Object.values(meta.outputs)[0]!;
  const specs = new Set(output.imports.filter((i) => i.external && i.kind === "dynamic-import").map((i) => i.path));
  let out = code;
  for (const spec of specs) {
    const call = `import(${JSON.stringify(spec)})`;
    if (!out.includes(call)) fail(`cannot find ${call} in the bundle to route it through the start-up importer`);
    out = out.split(call).join(`__edihImport(${JSON.stringify(spec)})`);
  }
  const left = /\bimport\(/.exec(out);
  if (left) fail(`an import() the start-up importer does not handle is left in the bundle: …${out.slice(left.index - 60, left.index + 60)}…`);
  const staticExternal = output.imports.filter((i) => i.external && i.kind !== "dynamic-import" && !isBuiltin(i.path));
  if (staticExternal.length) fail(`the bundle would load ${staticExternal.map((i) => i.path).join(", ")} at start-up`);
  return out;
}

async function bundle(): Promise<boolean> {
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch {
    process.stderr.write("build-startup: esbuild is not installed (production install?): edih starts from dist/ without the start-up bundle\n");
    return false;
  }
  const result = await esbuild.build({
    entryPoints: [join(SRC, "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    outfile: join(ROOT, BUNDLE_FILE),
    metafile: true,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "warning",
    // A name a bundled module imports but the deferred stub does not forward would be undefined at
    // run time ("(void 0) is not a function" in the middle of a build): refuse the bundle instead.
    logOverride: { "import-is-undefined": "error" },
    define: { "import.meta.url": "__edihImportMetaUrl" },
    plugins: [boundary],
  }).catch((err: unknown) => fail(`${err instanceof Error ? err.message : String(err)}\n` +
    "hint: a module that renders (src/writers, src/render, src/package/render-*) is reached from the start-up path only through " +
    "its async functions; import anything else from it with await import() where it is needed"));
  const meta = result.metafile!;
  const code = rewriteImports(result.outputFiles[0]!.text, meta);
  const file = join(ROOT, BUNDLE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  rmSync(join(ROOT, CODE_CACHE_FILE), { force: true });
  refuseNonAscii(code, "the start-up bundle");
  writeAtomic(file, `${stampFor(code)}\n${code}`);
  const output = Object.values(meta.outputs)[0]!;
  const render = await bundleRender(esbuild);
  writeAtomic(join(ROOT, BUNDLE_INPUTS_FILE), JSON.stringify({
    inputs: Object.keys(output.inputs).sort(),
    lazy: output.imports.filter((i) => i.external && i.kind === "dynamic-import").map((i) => i.path).sort(),
    render,
  }, null, 2) + "\n");
  return true;
}

/**
 * The render side as one ES module, stamped like the start-up bundle so that a dist/ compiled again
 * afterwards is not shadowed by it. CommonJS packages inside it get a `require` of the bundle's
 * place; the Typst compiler (a native addon) and the fonts stay in node_modules, found from there.
 * Returns the files it was made of.
 */
async function bundleRender(esbuild: typeof import("esbuild")): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [join(SRC, "package", "render-job.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    write: false,
    outfile: join(ROOT, RENDER_BUNDLE_FILE),
    metafile: true,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "warning",
    external: ["@myriaddreamin/*"],
    banner: { js: `import { createRequire as __edihCreateRequire } from "node:module";\nconst require = __edihCreateRequire(import.meta.url);` },
  }).catch((err: unknown) => fail(`the render bundle: ${err instanceof Error ? err.message : String(err)}`));
  const code = result.outputFiles[0]!.text;
  const left = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]!]!.imports
    .filter((i) => i.external && !isBuiltin(i.path) && !i.path.startsWith("@myriaddreamin/"));
  if (left.length) fail(`the render bundle would load ${left.map((i) => i.path).join(", ")} from outside it`);
  refuseNonAscii(code, "the render bundle");
  writeAtomic(join(ROOT, RENDER_BUNDLE_FILE), `${stampFor(code)}\n${code}`);
  return Object.keys(Object.values(result.metafile.outputs)[0]!.inputs).sort();
}

function refuseNonAscii(code: string, what: string): void {
  const at = firstNonAscii(code);
  if (at) fail(`${what} has a non-ASCII character at offset ${at.index} (${JSON.stringify(at.context)}): V8 would hold the whole source as a two-byte string, twice the memory; write it as \\uXXXX in the source (esbuild escapes strings, not regular expressions)`);
}

/** A bundle's first line (bundle-format.ts): made next to this dist/, with its code's hash as id. */
function stampFor(code: string): string {
  const id = createHash("sha256").update(code).digest("hex").slice(0, 32);
  return formatStamp({ distMainMtimeMs: statSync(join(ROOT, DIST_MAIN_FILE)).mtimeMs, id });
}

function writeAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/**
 * Runs the bundled CLI once on a fresh copy of the example (with .edih/, as after `edih init`).
 * That run parses every file and fills the parsed-input cache, so the code cache holds both the
 * YAML parser (first runs, edited files) and the cache's reader (a small part, compiled lazily).
 */
function makeCodeCache(): void {
  const work = mkdtempSync(join(tmpdir(), "edih-startup-"));
  try {
    const app = join(work, "zagore");
    cpSync(join(ROOT, "examples", "zagore"), app, { recursive: true, filter: (p) => !p.includes(`${sep}out`) && !p.includes(`${sep}cache`) });
    mkdirSync(join(app, ".edih"), { recursive: true });
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--warm", "apply", "validate", app],
      { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    // Exit 1 (the example has data errors) still ran the whole path; anything else is a failure.
    if (r.status !== 0 && r.status !== 1) fail(`the bundled CLI failed on a copy of examples/zagore (exit ${r.status}):\n${r.stderr}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Where the hash of what the last run made its outputs from is kept. */
const MADE_FROM_FILE = join(ROOT, "dist", "startup", "made-from.txt");

/**
 * A hash of everything this step's outputs are made from: the files the last bundle was made of
 * (src and node_modules, by content), the data YAML, this script, Node's version (the code cache
 * is V8's) and dist/src/main.js's time (the bundle's stamp, which the runner checks). Undefined
 * when there is no earlier bundle to compare with.
 */
function madeFrom(): string | undefined {
  let inputs: string[];
  try {
    const made = JSON.parse(readFileSync(join(ROOT, BUNDLE_INPUTS_FILE), "utf8")) as { inputs: string[]; render?: string[] };
    if (!made.render) return undefined; // made before there was a render bundle
    inputs = [...new Set([...made.inputs, ...made.render])];
  } catch {
    return undefined;
  }
  const data = join(ROOT, "data");
  // The lazy built-in's stub is made by this script (hashed below), from no file.
  const files = [...inputs.filter((i) => !i.startsWith("edih-lazy-builtin:")).map((i) => join(ROOT, i.replace(/^edih-deferred:/, "src/"))),
    ...templateFiles(), join(data, "legal-forms.yaml"),
    ...readdirSync(join(data, "calls")).filter((f) => f.endsWith(".yaml")).sort().map((f) => join(data, "calls", f)), fileURLToPath(import.meta.url)];
  const hash = createHash("sha256").update(`${process.version}\n${statSync(join(ROOT, DIST_MAIN_FILE)).mtimeMs}\n`);
  try {
    for (const f of files) hash.update(`${relative(ROOT, f)}\n`).update(readFileSync(f));
  } catch {
    return undefined; // an input gone: build again
  }
  return hash.digest("hex");
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === "--warm") {
    process.argv.splice(1, 2, join(ROOT, "bin", "edih.js"));
    if (!runBundle(ROOT, { writeCodeCache: true })) fail("the bundle just written is not usable");
    return;
  }
  // Nothing it is made from changed since the last run (npm test builds before every run): keep it.
  const before = madeFrom();
  const upToDate = before !== undefined && hasCodeCache() && existsSync(join(ROOT, RENDER_BUNDLE_FILE)) && existsSync(join(ROOT, PRECOMPILED_TEMPLATES_FILE)) && existsSync(join(ROOT, FRAMES_FILE)) && existsSync(join(ROOT, "dist", "data")) && readText(MADE_FROM_FILE) === before;
  if (mode === "--check") {
    process.stderr.write(`build-startup: ${upToDate ? "up to date" : "out of date: run npm run build"}\n`);
    process.exitCode = upToDate ? 0 : 1;
    return;
  }
  if (upToDate) {
    process.stderr.write("build-startup: data and start-up bundle up to date\n");
    return;
  }
  rmSync(MADE_FROM_FILE, { force: true });
  const compiled = compileData();
  mkdirSync(join(ROOT, "dist", "startup"), { recursive: true });
  const templates = precompileTemplates();
  const frames = await precomputeFrames();
  if (await bundle()) makeCodeCache();
  const after = hasCodeCache() ? madeFrom() : undefined;
  if (after !== undefined) writeAtomic(MADE_FROM_FILE, after);
  process.stderr.write(`build-startup: ${compiled} data files and ${templates} template texts precompiled, ${frames} DOCX frames made; start-up and render bundles ${hasCodeCache() ? "and code cache written" : "skipped"}\n`);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function hasCodeCache(): boolean {
  try {
    return statSync(join(ROOT, CODE_CACHE_FILE)).size > 0;
  } catch {
    return false;
  }
}

void main();
