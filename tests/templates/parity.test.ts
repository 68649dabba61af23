import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledTemplatesDir } from "../../src/domain/install.js";

/**
 * The Bulgarian and English template of a document are one document in two languages: an
 * evaluator comparing them, or a build that pulls the narrative of one slot into both, relies on
 * them having the same skeleton. Words differ; the structure may not.
 */
export interface Skeleton {
  headings: number[];
  slots: string[];
  directives: string[];
  tables: number[];
  fields: string[];
  labels: string[];
  partials: string[];
}

const cells = (row: string): number => row.trim().replace(/^\||\|$/g, "").split("|").length;

export function skeleton(source: string): Skeleton {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, ""); // front matter: titles, not structure
  const lines = body.split("\n");
  const mustaches = [...body.matchAll(/\{\{~?\s*([^}]*?)\s*~?\}\}/g)].map((m) => m[1]!);
  return {
    headings: lines.filter((l) => /^#{1,6} /.test(l)).map((l) => l.indexOf(" ")),
    slots: [...body.matchAll(/:::fill\{#([\w-]+)/g)].map((m) => m[1]!),
    directives: lines.filter((l) => /^:{3,}\s*\w/.test(l)).map((l) => l.replace(/^(:{3,})\s*([\w-]+).*$/, "$1$2")),
    tables: lines.filter((l) => /^\|\s*:?-{2,}/.test(l)).map(cells),
    // Data the document prints: every path a mustache reads, except the words of `label` keys.
    fields: mustaches.flatMap((m) => m.replace(/"[^"]*"/g, " ").match(/[a-z_][\w.]*/g) ?? [])
      .filter((f) => !["else", "if", "each", "unless", "with", "this", "true", "false", "null"].includes(f)).sort(),
    labels: mustaches.flatMap((m) => [...m.matchAll(/\blabel "([^"]+)"/g)].map((x) => x[1]!)).sort(),
    partials: mustaches.filter((m) => m.startsWith(">")).map((m) => m.slice(1).trim().split(/\s/)[0]!),
  };
}

const root = bundledTemplatesDir();
const documents = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith("_")).map((d) => d.name).sort();

describe("bg and en templates share one skeleton", () => {
  it("covers every bundled document", () => {
    expect(documents.length).toBeGreaterThanOrEqual(9);
  });

  for (const doc of documents) {
    it(doc, () => {
      const [bg, en] = (["bg", "en"] as const).map((l) => skeleton(readFileSync(join(root, doc, `${l}.md.hbs`), "utf8")));
      expect(en).toEqual(bg);
    });
  }

  it("labels: every key exists in both languages", () => {
    const keys = (l: string) => readFileSync(join(root, "_labels", `${l}.yaml`), "utf8").split("\n")
      .map((line) => /^([\w-]+):/.exec(line)?.[1]).filter((k): k is string => k !== undefined).sort();
    expect(keys("en")).toEqual(keys("bg"));
  });
});

describe("skeleton notices what parity must catch", () => {
  const base = "# T\n\n:::fill{#needs}\n:::\n\n| a | b |\n|---|---|\n| {{x.name}} | {{label \"total\"}} |\n";
  it.each([
    ["a heading level", base.replace("# T", "## T")],
    ["a slot id", base.replace("#needs", "#need")],
    ["a table column", base.replace("|---|---|", "|---|---|---|")],
    ["a field", base.replace("x.name", "x.title")],
    ["a label key", base.replace("\"total\"", "\"of\"")],
    ["a directive", base.replace(":::fill", ":::note")],
  ])("%s", (_what, changed) => {
    expect(skeleton(changed)).not.toEqual(skeleton(base));
  });
  it("but not the words", () => {
    expect(skeleton(base.replace("# T", "# Заглавие").replace("| a | b |", "| а | б |"))).toEqual(skeleton(base));
  });
});
