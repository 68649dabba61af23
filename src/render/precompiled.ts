/**
 * Bundled templates compiled to JavaScript ahead of time. Compiling a template set (Handlebars'
 * parser and code generator) was ~200 ms of a cold process that renders, for templates that ship
 * with edih and change only with it. The build step (scripts/build-startup.ts) precompiles every
 * string the renderer compiles from the bundled templates (partials, document bodies) and keeps
 * them by the sha256 of the string: a template edited since, or an application's own, has another
 * hash and is compiled as before, so the file can be stale or absent but never wrong.
 * EDIH_BUNDLE=0 compiles everything at run time, as it turns off the other build-step outputs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { sha256 } from "../domain/hash.js";
import { installRoot } from "../domain/install.js";

/** Relative to the installation. */
export const PRECOMPILED_TEMPLATES_FILE = "dist/startup/templates.json";

/**
 * The options every template is compiled with: strict, so a misspelled field is an error. A fresh
 * object each time: Handlebars writes its defaults into the options it is given.
 */
export const compileOptions = (): { strict: true } => ({ strict: true });

interface Store {
  handlebars: string;
  options: string;
  specs: Record<string, string>;
}

let store: Map<string, string> | undefined;

function specs(): Map<string, string> {
  if (store) return store;
  store = new Map();
  try {
    const data = JSON.parse(readFileSync(join(installRoot(), PRECOMPILED_TEMPLATES_FILE), "utf8")) as Store;
    // Specs of another Handlebars would be refused by its runtime, and specs compiled with other
    // options would behave otherwise: compile those at run time.
    if (data.handlebars === Handlebars.VERSION && data.options === JSON.stringify(compileOptions())) store = new Map(Object.entries(data.specs));
  } catch {
    // Not built (a run from sources before `npm run build`): compile at run time.
  }
  return store;
}

/**
 * The precompiled template for `source` in `hb`, or undefined when there is none. Bound to `hb` on
 * its first run, as hb.compile's templates are: Handlebars takes its escaper then (template.ts).
 */
export function precompiled(hb: typeof Handlebars, source: string): Handlebars.TemplateDelegate | undefined {
  if (process.env.EDIH_BUNDLE === "0") return undefined;
  const spec = specs().get(sha256(source));
  if (spec === undefined) return undefined;
  let bound: Handlebars.TemplateDelegate | undefined;
  // The spec is JavaScript that Handlebars wrote at build time from edih's own templates.
  return (context, options) => (bound ??= hb.template(new Function(`return ${spec}`)() as Parameters<typeof hb.template>[0]))(context, options);
}

/** What the build step writes: the specs of `sources`, by hash. */
export function precompileSources(sources: Iterable<string>): Store {
  const out: Record<string, string> = {};
  for (const source of sources) out[sha256(source)] = String(Handlebars.precompile(source, compileOptions()));
  return { handlebars: Handlebars.VERSION, options: JSON.stringify(compileOptions()), specs: Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1))) };
}
