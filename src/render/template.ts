import Handlebars from "handlebars";
import { escapeExpression, RawMarkdown } from "./escape.js";
import { HelperError, makeHelpers, type HelperEnv } from "./helpers.js";
import { compileOptions, precompiled } from "./precompiled.js";

/** A template failure located in a file (the template itself or one of its partials). */
export class TemplateError extends Error {
  constructor(message: string, readonly file: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

export interface SourceFile {
  source: string;
  path: string;
}

type HbsException = Error & { lineNumber?: number; column?: number };

/**
 * Turns whatever Handlebars or a helper threw into a TemplateError at file:line:col. Handlebars'
 * strict errors carry a 0-based column of the missing name; parse errors only say it in the text.
 */
function locate(err: unknown, file: string): TemplateError {
  if (err instanceof TemplateError) return err;
  if (err instanceof HelperError) return new TemplateError(err.message, file, err.line, err.column);
  const e = err as HbsException;
  const raw = String(e?.message ?? err);
  const strict = /^"(.+)" not defined in .* - (\d+):(\d+)$/s.exec(raw);
  if (strict) {
    return new TemplateError(`"${strict[1]}" is not defined (misspelled field? use {{#if (has x)}} for optional values)`,
      file, Number(strict[2]), Number(strict[3]) + 1);
  }
  const parse = /^Parse error on line (\d+):\n.*\n(-*)\^\n([\s\S]*)$/.exec(raw);
  if (parse) {
    return new TemplateError(`Handlebars syntax error: ${parse[3]!.split("\n")[0]}`, file, Number(parse[1]), parse[2]!.length + 1);
  }
  const onText = /^Cannot use 'in' operator to search for '(.+)' in /.exec(raw);
  if (onText) return new TemplateError(`"${onText[1]}" looked up on a text or number value (it has no fields)`, file);
  const line = typeof e?.lineNumber === "number" ? e.lineNumber : undefined;
  const col = typeof e?.column === "number" ? e.column + 1 : undefined;
  return new TemplateError(raw.replace(/ - \d+:\d+$/, ""), file, line, col);
}

export interface TemplateRun {
  template: SourceFile;
  partials: Record<string, SourceFile>;
  context: object;
  env: HelperEnv;
  /** `markdown` escapes values for Markdown; `plain` is for front matter, which is plain text. */
  mode: "markdown" | "plain";
}

const utils = Handlebars.Utils as unknown as { escapeExpression: (v: unknown) => string };

function plainEscape(v: unknown): string {
  if (v instanceof RawMarkdown) return v.markdown.replace(/:blank\[((?:\\.|[^\]])*)\]/g, (_m, h: string) => `[…${h.replace(/\\(.)/g, "$1")}…]`);
  return v === null || v === undefined ? "" : String(v);
}

/** Runs one template (the body or a front-matter value) of a template set on a context. */
export type TemplateRunner = (template: SourceFile, context: object, mode: TemplateRun["mode"]) => string;

/**
 * Runs templates in isolated, strict Handlebars instances, one per mode, that share the partials
 * and helpers of one template set. Each template and partial is compiled once, on first use, and
 * reused for every context (the 15 copies of a per-partner document). The prototype-access
 * options stay at their safe defaults. Handlebars captures `Utils.escapeExpression` when a
 * compiled template first runs, hence one instance per mode, and swapping it for the (synchronous)
 * duration of the call makes `{{x}}` Markdown-safe without patching Handlebars for anyone else.
 */
export function templateRunner(partials: Record<string, SourceFile>, env: HelperEnv): TemplateRunner {
  const instances = new Map<TemplateRun["mode"], { hb: typeof Handlebars; compiled: Map<string, Handlebars.TemplateDelegate> }>();
  const instance = (mode: TemplateRun["mode"]) => {
    let inst = instances.get(mode);
    if (inst) return inst;
    const hb = Handlebars.create();
    hb.registerHelper(makeHelpers(env) as unknown as Handlebars.HelperDeclareSpec);
    for (const [name, file] of Object.entries(partials)) {
      const compiled = compile(hb, file.source);
      // A partial is registered as a function so an error inside it points at the partial's file.
      hb.registerPartial(name, ((ctx: unknown, options: unknown) => {
        try {
          return compiled(ctx, options as Handlebars.RuntimeOptions);
        } catch (err) {
          throw locate(err, file.path);
        }
      }) as unknown as Handlebars.Template);
    }
    instances.set(mode, (inst = { hb, compiled: new Map() }));
    return inst;
  };
  return (template, context, mode) => {
    const { hb, compiled } = instance(mode);
    const key = `${template.path}\0${template.source}`;
    let run = compiled.get(key);
    if (!run) compiled.set(key, (run = compile(hb, template.source)));
    const saved = utils.escapeExpression;
    utils.escapeExpression = mode === "markdown" ? escapeExpression : plainEscape;
    // `{{toString}}` and the like are denied (they render nothing) and Handlebars would also print
    // "Access has been denied…" on the console, which is not ours to show; silence it for this run.
    const logger = (Handlebars as unknown as { logger: { level: string | number } }).logger;
    const savedLevel = logger.level;
    logger.level = 4;
    try {
      return run(context);
    } catch (err) {
      throw locate(err, template.path);
    } finally {
      utils.escapeExpression = saved;
      logger.level = savedLevel;
    }
  };
}

/** A bundled template comes precompiled (precompiled.ts); any other is compiled on its first run. */
function compile(hb: typeof Handlebars, source: string): Handlebars.TemplateDelegate {
  return precompiled(hb, source) ?? hb.compile(source, compileOptions());
}

/** Runs one template once (see templateRunner). */
export function runTemplate(run: TemplateRun): string {
  return templateRunner(run.partials, run.env)(run.template, run.context, run.mode);
}
