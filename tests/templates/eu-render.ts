import type { Root, RootContent, Table } from "mdast";
import { buildContext, type CallFacts, type DocumentContext } from "../../src/model/index.js";
import { bundledTemplatesDir, loadTemplateSet, renderDocument, type RenderedDocument } from "../../src/render/index.js";
import { runTemplate } from "../../src/render/template.js";
import type { Application, Language } from "../../src/schema/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";

export interface Rendered {
  context: DocumentContext;
  markdown: string;
  document?: RenderedDocument;
  diagnostics: Diagnostic[];
}

/** Renders a bundled EU-stage template with the real engine, keeping the Markdown for checks. */
export function renderEu(app: Application, callPack: CallFacts, documentId: string, lang: Language): Rendered {
  const context = buildContext(app, { callPack, lang });
  const { set, diagnostics } = loadTemplateSet([bundledTemplatesDir()], documentId, lang);
  if (!set) return { context, markdown: "", diagnostics };
  const currency = context.budget.currency;
  const out = renderDocument({ template: set.template.source, templatePath: set.template.path, partials: set.partials,
    labels: set.labels, context, lang, currency });
  const body = set.template.source.replace(/^---[\s\S]*?\n---\n/, "");
  const markdown = runTemplate({ template: { source: body, path: set.template.path }, partials: set.partials, context,
    env: { lang, currency, labels: set.labels }, mode: "markdown" });
  return { context, markdown, ...(out.document ? { document: out.document } : {}), diagnostics: [...diagnostics, ...out.diagnostics] };
}

/** Plain text of a node (inline markers included as their hint). */
export function textOf(node: unknown): string {
  if (!node || typeof node !== "object") return "";
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === "string") return n.value;
  return (n.children ?? []).map(textOf).join("");
}

/** Every table of the document as rows of cell texts (header row first). */
export function tables(tree: Root): string[][][] {
  const out: string[][][] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === "table") out.push((n as Table).children.map((row) => row.children.map((c) => textOf(c).trim())));
      else if ("children" in n && Array.isArray(n.children)) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

/** The table whose header row starts with `first` and contains `also`. */
export function tableWith(tree: Root, first: string, also?: string): string[][] {
  const t = tables(tree).find((rows) => rows[0]?.[0] === first && (also === undefined || rows[0]!.includes(also)));
  if (!t) throw new Error(`no table with header "${first}"${also ? ` and "${also}"` : ""}; headers: ${tables(tree).map((r) => r[0]?.join(" | ")).join(" / ")}`);
  return t;
}
