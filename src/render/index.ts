/**
 * The document engine's front half: template + context → one mdast tree (RenderedDocument).
 * Loads Handlebars and the mdast tools: import this module lazily, only on paths that render.
 */
import { pickLanguage } from "../domain/languages.js";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Root } from "mdast";
import { parse as parseYaml } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { readTextFile } from "../load/text.js";
import { renderedSizeProblem } from "./limits.js";
import type { Currency, Lang } from "./format.js";
import { templateRunner, TemplateError, type SourceFile } from "./template.js";
import { normaliseTree } from "./tree.js";
import { parseMarkdownCached } from "./parse-cache.js";
import { idlessFills } from "./slots.js";
import { templateParts } from "./front-matter.js";

/** A slot problem found in the rendered text, located in the template by the id's static part. */
function slotLocation(message: string, template: string): { line?: number; column?: number } {
  const id = /slot id "([^"]+)"/.exec(message)?.[1];
  if (!id) return {};
  const lines = template.split(/\r?\n/);
  const i = lines.findIndex((l) => l.includes(`#${id}`));
  return i < 0 ? {} : { line: i + 1, column: lines[i]!.indexOf(":::fill") + 1 };
}

export type { Lang, Currency } from "./format.js";
export { formatDate, formatMoney, formatNumber, formatPercent } from "./format.js";
export { escapeMarkdown } from "./escape.js";
export { bundledTemplatesDir } from "../domain/install.js";
export type { DocNode, Handlers, NodeType } from "./tree.js";

export interface DocumentMeta {
  title: string;
  subtitle?: string;
  lang: Lang;
  author?: string;
}

export interface RenderedDocument {
  meta: DocumentMeta;
  tree: Root;
  /** Count of `:::fill` boxes plus `{{blank}}` markers: narrative or facts still to be written. */
  fills: number;
  /** Notes from the tool to the consultant (`:::note`): in the build report, never in a final document. */
  notes: string[];
  /** Fixed terms of the document's language (`templates/_labels/<lang>.yaml`), used by the writers too. */
  labels: Record<string, string>;
  /**
   * The Markdown the tree was parsed from: the tree is a function of it (and of the draft flag),
   * so a hash of the document need not walk the tree (src/package/render-key.ts).
   */
  markdown?: string;
}

export interface RenderOptions {
  template: string;
  templatePath: string;
  partials: Record<string, SourceFile>;
  labels: Record<string, string>;
  context: object;
  lang: Lang;
  currency?: Currency;
}

function templateDiagnostic(e: TemplateError): Diagnostic {
  return { ruleId: "template", severity: "error", message: e.message, file: e.file, line: e.line, column: e.column,
    hint: "Check the field name against docs/TEMPLATES.md (the context a template sees)." };
}

/** Front matter is plain text: each string value is its own small template, rendered unescaped. */
function renderFrontMatter(yamlText: string, firstLine: number, opts: { templatePath: string }, run: (src: string, line: number) => string):
  { meta: Partial<DocumentMeta>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    diagnostics.push({ ruleId: "template", severity: "error", file: opts.templatePath, line: firstLine,
      column: 1, message: `front matter is not valid YAML: ${String((err as Error).message).split("\n")[0]}` });
    return { meta: {}, diagnostics };
  }
  if (data === null || data === undefined) return { meta: {}, diagnostics };
  if (typeof data !== "object" || Array.isArray(data)) {
    diagnostics.push({ ruleId: "template", severity: "error", file: opts.templatePath, line: firstLine, column: 1,
      message: "front matter must be a mapping (title:, subtitle:)" });
    return { meta: {}, diagnostics };
  }
  const lines = yamlText.split(/\r?\n/);
  const meta: Partial<DocumentMeta> = {};
  for (const key of ["title", "subtitle"] as const) {
    const v = (data as Record<string, unknown>)[key];
    if (v === undefined || v === null) continue;
    const idx = lines.findIndex((l) => l.startsWith(`${key}:`));
    const line = firstLine + Math.max(0, idx);
    try {
      meta[key] = run(String(v), line).trim();
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      // The value was re-templated on its own, so its line is the key's line in the file.
      diagnostics.push(templateDiagnostic(new TemplateError(err.message, err.file,
        err.file === opts.templatePath ? line : err.line, err.file === opts.templatePath ? undefined : err.column)));
    }
  }
  return { meta, diagnostics };
}

export function renderDocument(opts: RenderOptions): { document?: RenderedDocument; diagnostics: Diagnostic[] } {
  return documentRenderer(opts)(opts.context);
}

export type DocumentRenderer = (context: object) => { document?: RenderedDocument; diagnostics: Diagnostic[] };

/**
 * renderDocument for many contexts of one template set (a per-partner document's copies, in one
 * language): the template and its partials are compiled once, on first use.
 */
/**
 * The template's body as Markdown, before parsing: for callers that need only what the text says
 * (which slots a document copy has), not the tree. Same errors as documentRenderer's.
 */
export function markdownRenderer(opts: Omit<RenderOptions, "context">): (context: object) => { markdown?: string; diagnostics: Diagnostic[] } {
  const run = templateRunner(opts.partials, { lang: opts.lang, currency: opts.currency ?? "EUR", labels: opts.labels });
  const body = templateParts(opts.template).markdownBody;
  const idless = idlessDiagnostics(opts);
  return (context) => {
    if (idless.length) return { diagnostics: idless };
    try {
      return { markdown: run({ source: body, path: opts.templatePath }, context, "markdown"), diagnostics: [] };
    } catch (err) {
      if (err instanceof TemplateError) return { diagnostics: [templateDiagnostic(err)] };
      throw err;
    }
  };
}

function idlessDiagnostics(opts: Pick<RenderOptions, "template" | "templatePath" | "partials">): Diagnostic[] {
  return [{ path: opts.templatePath, source: opts.template }, ...Object.values(opts.partials)]
    .flatMap((f) => idlessFills(f.source).map((at): Diagnostic => ({ ruleId: "template", severity: "error", file: f.path, ...at,
      message: "a :::fill box has no slot id", hint: "Give it a stable kebab-case id, the same in every language: :::fill{#needs-analysis}" })));
}

/** A document's text before it is parsed: what its tree, and its render key, are made from. */
export interface DocumentText {
  meta: DocumentMeta;
  labels: Record<string, string>;
  markdown: string;
  /** The Markdown parsed (cached by text) and checked into the document; what the check found, as diagnostics. */
  tree(): { document?: RenderedDocument; diagnostics: Diagnostic[] };
}

export type DocumentTextRenderer = (context: object) => { text?: DocumentText; diagnostics: Diagnostic[] };

/**
 * documentRenderer in two steps: the template's text now, the tree when asked. A build that finds
 * the file in out/ made from the very same text keeps it without parsing (package/render-job.ts).
 */
export function documentTextRenderer(opts: Omit<RenderOptions, "context">): DocumentTextRenderer {
  const run = templateRunner(opts.partials, { lang: opts.lang, currency: opts.currency ?? "EUR", labels: opts.labels });
  const path = opts.templatePath;
  const { frontMatter, documentBody: body } = templateParts(opts.template);
  const idless = idlessDiagnostics(opts);
  return (context) => {
    if (idless.length) return { diagnostics: idless };
    const diagnostics: Diagnostic[] = [];
    let meta: Partial<DocumentMeta> = {};
    if (frontMatter !== undefined) {
      const r = renderFrontMatter(frontMatter, 2, opts, (src) => run({ source: src, path }, context, "plain"));
      meta = r.meta;
      diagnostics.push(...r.diagnostics);
    }

    let markdown: string;
    try {
      markdown = run({ source: body, path }, context, "markdown");
    } catch (err) {
      if (err instanceof TemplateError) return { diagnostics: [...diagnostics, templateDiagnostic(err)] };
      throw err;
    }
    if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
    const tooLarge = renderedSizeProblem(markdown, path);
    if (tooLarge) return { diagnostics: [...diagnostics, tooLarge] };
    if (!meta.title) {
      diagnostics.push({ ruleId: "template", severity: "warning", file: opts.templatePath, line: 1, column: 1,
        message: "the template has no `title:` in its front matter" });
    }
    const ctx = context as { hub?: { name?: unknown } };
    const author = authorOf(ctx.hub?.name, opts.lang);
    const documentMeta: DocumentMeta = { title: meta.title ?? "", ...(meta.subtitle ? { subtitle: meta.subtitle } : {}), lang: opts.lang, ...(author ? { author } : {}) };
    // A --draft build (context.draft set) shows the tool's notes in place; a final one lists them only.
    const keepNotes = !!(context as { draft?: unknown }).draft;
    const tree = () => {
      const made = normaliseTree(parseMarkdownCached(markdown), markdown, { keepNotes });
      const found = made.problems.map((p): Diagnostic => ({ ruleId: "template", severity: p.severity ?? "warning", message: p.message, file: opts.templatePath,
        ...(p.severity === "error" ? slotLocation(p.message, opts.template) : {}) }));
      if (found.some((d) => d.severity === "error")) return { diagnostics: found };
      const document: RenderedDocument = { meta: documentMeta, tree: made.tree, fills: made.fills, notes: made.notes, labels: opts.labels, markdown };
      return { document, diagnostics: found };
    };
    return { text: { meta: documentMeta, labels: opts.labels, markdown, tree }, diagnostics };
  };
}

export function documentRenderer(opts: Omit<RenderOptions, "context">): DocumentRenderer {
  const textOf = documentTextRenderer(opts);
  return (context) => {
    const { text, diagnostics } = textOf(context);
    if (!text) return { diagnostics };
    const made = text.tree();
    return { ...(made.document ? { document: made.document } : {}), diagnostics: [...diagnostics, ...made.diagnostics] };
  };
}

function authorOf(name: unknown, lang: Lang): string | undefined {
  if (typeof name === "string") return name;
  return pickLanguage(name, lang)?.text;
}

export interface TemplateSet {
  template: SourceFile;
  partials: Record<string, SourceFile>;
  labels: Record<string, string>;
  labelsPath: string;
}

/**
 * Reads `templates/<doc>/<lang>.md.hbs`, `templates/_partials/*.md.hbs` and
 * `templates/_labels/<lang>.yaml` from `dirs` (each a `templates/` folder), the first dir that has
 * a file winning: an application's own templates override the bundled ones file by file.
 * Labels merge key by key the same way. Missing template → a `template` diagnostic.
 */
export function loadTemplateSet(dirs: string[], documentId: string, lang: Lang): { set?: TemplateSet; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const templateRel = join(documentId, `${lang}.md.hbs`);
  const tplDir = dirs.find((d) => existsSync(join(d, templateRel)));
  if (!tplDir) {
    diagnostics.push({ ruleId: "template", severity: "error", message: `no template ${templateRel} in ${dirs.join(", ")}` });
    return { diagnostics };
  }
  const tplPath = join(tplDir, templateRel);
  const template = { source: readTextFile(tplPath), path: tplPath };

  const partials: Record<string, SourceFile> = {};
  for (const d of [...dirs].reverse()) {
    const pd = join(d, "_partials");
    if (!existsSync(pd)) continue;
    for (const f of readdirSync(pd).sort()) {
      if (!f.endsWith(".md.hbs")) continue;
      const p = join(pd, f);
      partials[f.slice(0, -".md.hbs".length)] = { source: readTextFile(p), path: p };
    }
  }

  const labels: Record<string, string> = {};
  let labelsPath = "";
  for (const d of [...dirs].reverse()) {
    const p = join(d, "_labels", `${lang}.yaml`);
    if (!existsSync(p)) continue;
    labelsPath = p;
    try {
      const data = parseYaml(readTextFile(p)) as unknown;
      if (data && typeof data === "object" && !Array.isArray(data)) {
        for (const [k, v] of Object.entries(data)) if (typeof v === "string") labels[k] = v;
      }
    } catch (err) {
      diagnostics.push({ ruleId: "template", severity: "error", file: p, message: `labels file is not valid YAML: ${String((err as Error).message).split("\n")[0]}` });
    }
  }
  return { set: { template, partials, labels, labelsPath }, diagnostics };
}
