import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { bundledTemplatesDir, documentRenderer, loadTemplateSet, renderDocument, type Lang } from "../../src/render/index.js";
import { stripPositions } from "../../src/render/tree.js";
import { tempDir } from "../temp.js";

const FIX = join(import.meta.dirname, "../fixtures/documents");
const context = JSON.parse(readFileSync(join(FIX, "sample/context.json"), "utf8")) as Record<string, unknown>;
const HOSTILE = "A | B *C* # {{x}} <b>";

function render(template: string, ctx: object = context, lang: Lang = "bg", partials = {}) {
  return renderDocument({ template, templatePath: "doc/bg.md.hbs", partials, labels: { date: "дата", name: "Име" }, context: ctx, lang });
}

export function renderSample(lang: Lang) {
  const { set, diagnostics } = loadTemplateSet([FIX, bundledTemplatesDir()], "sample", lang);
  expect(diagnostics).toEqual([]);
  const r = renderDocument({ template: set!.template.source, templatePath: set!.template.path, partials: set!.partials,
    labels: set!.labels, context: { ...context, lang }, lang });
  expect(r.diagnostics).toEqual([]);
  return r.document!;
}

describe("renderDocument", () => {
  it("prints hostile values literally, in text and in table cells", () => {
    const r = render(`---\ntitle: "{{evil}}"\n---\nText {{evil}}\n\n| a | b |\n|---|---|\n| {{evil}} | x |\n`);
    expect(r.diagnostics).toEqual([]);
    const tree = r.document!.tree;
    expect(r.document!.meta.title).toBe(HOSTILE);
    expect(tree.children.map((c) => c.type)).toEqual(["paragraph", "table"]);
    expect(stripPositions(tree.children[0])).toEqual({ type: "paragraph", children: [{ type: "text", value: `Text ${HOSTILE}` }] });
    const table = tree.children[1] as import("mdast").Table;
    expect(table.children[1]!.children).toHaveLength(2);
    expect(stripPositions(table.children[1]!.children[0])).toEqual({ type: "tableCell", children: [{ type: "text", value: HOSTILE }] });
  });

  it("gives nothing for constructor, __proto__ and prototype lookups", () => {
    const r = render("---\ntitle: t\n---\na{{constructor}}b{{hub.constructor}}c{{__proto__}}d{{lookup this 'constructor'}}e{{hub.name.constructor}}");
    expect(r.diagnostics).toEqual([]);
    expect(stripPositions(r.document!.tree.children[0])).toEqual({ type: "paragraph", children: [{ type: "text", value: "abcde" }] });
  });

  it("denies inherited members like toString silently: nothing rendered, nothing on the console", () => {
    const spies = (["error", "warn", "log", "info"] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    try {
      const r = render("---\ntitle: t\n---\na{{toString}}b{{hub.valueOf}}c");
      expect(stripPositions(r.document!.tree.children[0])).toEqual({ type: "paragraph", children: [{ type: "text", value: "abc" }] });
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });

  it("keeps the paragraphs of a long value apart, each escaped", () => {
    const r = render("---\ntitle: t\n---\n{{paragraphs text}}\n", { text: { bg: `${HOSTILE}\n\nВтори абзац\nна два реда`, en: "x" } });
    expect(r.diagnostics).toEqual([]);
    expect(r.document!.tree.children.map((n) => stripPositions(n))).toEqual([
      { type: "paragraph", children: [{ type: "text", value: HOSTILE }] },
      { type: "paragraph", children: [{ type: "text", value: "Втори абзац на два реда" }] },
    ]);
    expect(render("---\ntitle: t\n---\n{{paragraphs nothing}}\n", {}).diagnostics[0]).toMatchObject({ ruleId: "template", line: 4 });
  });

  it("reports a missing field at template:line:col", () => {
    const r = render("---\ntitle: x\n---\n# Title\n\nHello {{hub.nmae}}!\n");
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: "template", severity: "error", file: "doc/bg.md.hbs", line: 6, column: 9 });
    expect(r.diagnostics[0]!.message).toContain("nmae");
  });

  it("reports an error inside a partial at the partial's file", () => {
    const r = render("Intro\n\n{{> rows}}\n", context, "bg", { rows: { source: "line\n{{#each partners}}\n| {{nope}} |\n{{/each}}", path: "_partials/rows.md.hbs" } });
    expect(r.diagnostics[0]).toMatchObject({ ruleId: "template", file: "_partials/rows.md.hbs", line: 3, column: 5 });
  });

  it("reports a helper given a misspelled field, and Handlebars syntax errors", () => {
    expect(render("x\n{{money partners.0.budgt}}").diagnostics[0]).toMatchObject({ line: 2, column: 1, file: "doc/bg.md.hbs" });
    expect(render("x\n{{t hub.nam}}").diagnostics[0]!.message).toContain("undefined");
    const syntax = render("ok\n{{#if x}}\nnever closed");
    expect(syntax.diagnostics[0]).toMatchObject({ ruleId: "template", line: 3 });
  });

  it("formats through helpers and counts fill markers", () => {
    const r = render("{{money 1234.5}} {{date signed}} {{percent 0.5}} {{t hub.name}} {{value eik \"ЕИК\"}} {{date missing_date}}\n\n:::fill{#notes}\nwrite\n:::\n");
    const p = stripPositions(r.document!.tree.children[0]) as { children: { type: string; value?: string }[] };
    expect(p.children[0]!.value).toBe("1\u00a0234,50\u00a0EUR 30.03.2021\u00a0г. 50\u00a0% Тракийски цифров иновационен хъб ");
    expect(p.children.filter((c) => c.type === "textDirective")).toHaveLength(2);
    expect(r.document!.fills).toBe(3);
  });

  it("falls back to the other language, marked", () => {
    const r = render("{{t x}}", { x: { en: "Only English" } });
    expect(stripPositions(r.document!.tree.children[0])).toEqual({ type: "paragraph", children: [{ type: "text", value: "[en] Only English" }] });
  });

  it("keeps unknown directives and stray colons as literal text", () => {
    const r = render("Time 10:30, note:word here.\n\n::unknown\n");
    const texts = JSON.stringify(stripPositions(r.document!.tree));
    expect(texts).toContain("Time 10:30, note:word here.");
    expect(texts).toContain("::unknown");
    expect(r.diagnostics.some((d) => d.severity === "warning" && d.message.includes("unknown"))).toBe(true);
  });

  it.each(["bg", "en"] as const)("renders the sample (%s) to the golden tree", async (lang) => {
    const doc = renderSample(lang);
    expect(doc.fills).toBe(4);
    const types = new Set<string>();
    const walk = (n: { type: string; name?: string; children?: unknown[] }) => {
      types.add(n.name ? `${n.type}:${n.name}` : n.type);
      for (const c of (n.children ?? []) as typeof n[]) walk(c);
    };
    walk(doc.tree);
    expect([...types].sort()).toEqual(["blockquote", "break", "containerDirective:fill", "containerDirective:signatures", "emphasis",
      "heading", "html", "image", "inlineCode", "leafDirective:page-break", "leafDirective:toc", "link", "list", "listItem",
      "paragraph", "root", "strong", "table", "tableCell", "tableRow", "text", "textDirective:blank", "thematicBreak"]);
    await expect(JSON.stringify({ meta: doc.meta, fills: doc.fills, tree: stripPositions(doc.tree) }, null, 1))
      .toMatchFileSnapshot(join(FIX, `sample/${lang}.tree.json`));
  });
});

describe("documentRenderer", () => {
  it("renders one compiled template set for many contexts, in Markdown and in front matter, and keeps reporting errors", () => {
    const renderer = documentRenderer({ template: `---\ntitle: "{{name}} {{> tag}}"\n---\nHello {{name}} {{> tag}}\n`,
      templatePath: "doc/bg.md.hbs", partials: { tag: { source: "*{{name}}*", path: "_partials/tag.md.hbs" } }, labels: {}, lang: "en" });
    const text = (ctx: object) => {
      const r = renderer(ctx);
      return { title: r.document?.meta.title, body: JSON.stringify(stripPositions(r.document?.tree.children)), diagnostics: r.diagnostics };
    };
    const a = text({ name: "A*1" });
    const b = text({ name: "B|2" });
    expect(a.title).toBe("A*1 *A*1*");
    expect(b.title).toBe("B|2 *B|2*");
    expect(a.body).toContain("Hello A*1 ");
    expect(b.body).toContain("Hello B|2 ");
    expect(b.body).toContain('"type":"emphasis","children":[{"type":"text","value":"B|2"}]');
    // A context without the field fails in strict mode every time, not only on the first use.
    for (let i = 0; i < 2; i++) {
      expect(text({}).diagnostics.map((d) => [d.ruleId, d.severity])).toContainEqual(["template", "error"]);
    }
    expect(text({ name: "C" }).title).toBe("C *C*");
  });
});

describe("loadTemplateSet", () => {
  it("lets an application folder override templates, partials and labels file by file", () => {
    const dir = tempDir("tpl");
    mkdirSync(join(dir, "sample"));
    mkdirSync(join(dir, "_labels"));
    writeFileSync(join(dir, "_labels", "bg.yaml"), "page: Стр.\n");
    const own = loadTemplateSet([dir, FIX, bundledTemplatesDir()], "sample", "bg");
    expect(own.set!.template.path).toBe(join(FIX, "sample", "bg.md.hbs"));
    expect(own.set!.labels["page"]).toBe("Стр.");
    expect(own.set!.labels["contents"]).toBe("Съдържание");
    writeFileSync(join(dir, "sample", "bg.md.hbs"), "---\ntitle: own\n---\nown");
    expect(loadTemplateSet([dir, FIX], "sample", "bg").set!.template.path).toBe(join(dir, "sample", "bg.md.hbs"));
    expect(loadTemplateSet([dir], "nothing", "en").diagnostics[0]).toMatchObject({ ruleId: "template", severity: "error" });
  });
});

describe("slots", () => {
  it("a fill box without an id is a template error at its line", () => {
    const r = render("---\ntitle: t\n---\nText\n\n:::fill\nwrite\n:::\n");
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ severity: "error", file: "doc/bg.md.hbs", line: 6, column: 1, message: expect.stringContaining("no slot id") }]);
  });

  it("two boxes with one id is a template error located at the first", () => {
    const r = render("---\ntitle: t\n---\n:::fill{#a}\nx\n:::\n\n:::fill{#a}\ny\n:::\n");
    expect(r.diagnostics).toMatchObject([{ severity: "error", line: 4, message: expect.stringContaining('"a" is used twice') }]);
  });

  it("an id that is not kebab-case is an error", () => {
    const r = render("---\ntitle: t\n---\n:::fill{#Needs_Analysis}\nx\n:::\n");
    expect(r.diagnostics).toMatchObject([{ severity: "error", message: expect.stringContaining("not kebab-case") }]);
  });

  it("ids from data go through {{slot}}: kebab-case, unescaped", () => {
    const r = render("---\ntitle: t\n---\n:::fill{#{{slot id \"tasks\"}} }\nx\n:::\n", { id: "WP 2.b" });
    expect(r.diagnostics).toEqual([]);
    const fill = r.document!.tree.children[0] as import("mdast-util-directive").ContainerDirective;
    expect(fill.data).toEqual({ slot: "wp-2-b-tasks" });
    expect(r.document!.fills).toBe(1);
  });

  it("from= marks a box that holds a YAML field's text as filled", () => {
    const r = render("---\ntitle: t\n---\n:::fill{#summary from=\"hub.summary\"}\nThe text.\n:::\n");
    const fill = r.document!.tree.children[0] as import("mdast-util-directive").ContainerDirective;
    expect(fill.data).toEqual({ slot: "summary", filled: true, source: "yaml:hub.summary" });
    expect(r.document!.fills).toBe(0);
  });
});

describe("slotsInMarkdown", () => {
  it("reads ids and from= off the fill lines, with the YAML text of a filled box", async () => {
    const { slotsInMarkdown } = await import("../../src/render/slots.js");
    expect(slotsInMarkdown("# A\n\n:::fill{#summary from=\"hub.summary\"}\n\nThe hub\\'s text\\.\n\n:::\n\n:::fill{#wp1-tasks }\nx\n:::\n")).toEqual([
      { id: "summary", from: "hub.summary", text: "The hub's text." }, { id: "wp1-tasks" }]);
  });
});
