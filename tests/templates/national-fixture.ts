/**
 * Renders one national-stage template for the bundled Zagore example with the real model and
 * engine, and flattens the mdast tree to text so tests can assert on what a reader would see.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Root } from "mdast";
import { loadProject } from "../../src/load/index.js";
import { Application } from "../../src/schema/index.js";
import { buildContext, type CallFacts } from "../../src/model/index.js";
import { documentRenderer, loadTemplateSet, type DocumentRenderer, type RenderedDocument } from "../../src/render/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";

export const ROOT = join(import.meta.dirname, "..", "..");
const TEMPLATES = join(ROOT, "templates");

type Lang = "bg" | "en";
type App = ReturnType<typeof Application.parse>;

function readCall(id: string): CallFacts & { extends?: string } {
  return parseYaml(readFileSync(join(ROOT, "data", "calls", `${id}.yaml`), "utf8")) as CallFacts & { extends?: string };
}

let call: Readonly<CallFacts> | undefined;

/** The national call pack with the facts of the pack it extends (the budget rates live there); read once, frozen. */
export function nationalCall(): Readonly<CallFacts> {
  if (call) return call;
  const own = readCall("BG-EDIH-PRESELECTION-2021");
  const base = own.extends ? readCall(own.extends) : undefined;
  return (call = deepFreeze({ ...own, facts: { ...(base?.facts ?? {}), ...(own.facts ?? {}) } }));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A bundled template set, compiled once for every context it renders (as a build does): the tests
 * render the same document for many partners and edited copies of the example.
 */
const renderers = new Map<string, { renderer?: DocumentRenderer; diagnostics: Diagnostic[] }>();
export function bundledRenderer(doc: string, lang: Lang, currency: "EUR" | "BGN"): { renderer?: DocumentRenderer; diagnostics: Diagnostic[] } {
  const key = `${doc}/${lang}/${currency}`;
  let entry = renderers.get(key);
  if (!entry) {
    const { set, diagnostics } = loadTemplateSet([TEMPLATES], doc, lang);
    entry = set ? { diagnostics, renderer: documentRenderer({ template: set.template.source, templatePath: set.template.path,
      partials: set.partials, labels: set.labels, lang, currency }) } : { diagnostics };
    renderers.set(key, entry);
  }
  return entry;
}

let cached: App | undefined;
export async function zagore(): Promise<App> {
  if (cached) return cached;
  const { project, diagnostics } = await loadProject(join(ROOT, "examples", "zagore"));
  if (!project) throw new Error(`example did not load: ${JSON.stringify(diagnostics)}`);
  cached = Application.parse(project.raw);
  return cached;
}

export interface Rendered {
  document?: RenderedDocument;
  diagnostics: Diagnostic[];
  /** Every text value of the tree, paragraphs joined by newlines. */
  text: string;
}

function textOf(node: unknown): string {
  const n = node as { type?: string; value?: unknown; children?: unknown[] };
  if (n.type === "break") return "\n";
  if (typeof n.value === "string") return n.value;
  if (!Array.isArray(n.children)) return "";
  const inline = n.type === "paragraph" || n.type === "heading" || n.type === "tableCell" || n.type === "strong" || n.type === "emphasis" || n.type === "link";
  return n.children.map(textOf).join(inline ? "" : "\n");
}

export function treeText(tree: Root): string {
  return textOf(tree);
}

export async function render(doc: string, lang: Lang, partnerId?: string, app?: App): Promise<Rendered> {
  const application = app ?? (await zagore());
  const { renderer, diagnostics } = bundledRenderer(doc, lang, application.budget.currency as "EUR" | "BGN");
  if (!renderer) return { diagnostics, text: "" };
  const context = buildContext(application, { callPack: nationalCall(), lang, ...(partnerId ? { partnerId } : {}) });
  const r = renderer(context);
  return { ...r, diagnostics: [...diagnostics, ...r.diagnostics], text: r.document ? treeText(r.document.tree) : "" };
}

/** The text of every signatory line (list item) inside the `:::signatures` blocks of a tree. */
export function signatories(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    const n = node as { type?: string; name?: string; children?: unknown[] };
    if (n.type === "containerDirective" && n.name === "signatures") {
      for (const list of n.children ?? []) {
        const l = list as { type?: string; children?: unknown[] };
        if (l.type === "list") for (const item of l.children ?? []) out.push(textOf(item).replace(/\n/g, " "));
      }
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

/** A partner's name in a language, as the YAML gives it. */
export function nameIn(name: unknown, lang: Lang): string {
  if (typeof name === "string") return name;
  const rec = name as Record<string, string | undefined>;
  return rec[lang] ?? rec[lang === "bg" ? "en" : "bg"] ?? "";
}

/** A deep copy of the example to change for one test. */
export async function zagoreCopy(): Promise<App> {
  return structuredClone(await zagore());
}
