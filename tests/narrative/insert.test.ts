import type { Heading, Root } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { describe, expect, it } from "vitest";
import type { NarrativeFile } from "../../src/narrative/load.js";
import { insertNarrative, slotsIn } from "../../src/narrative/insert.js";
import { countText, parseNarrative, plainText } from "../../src/narrative/markdown.js";
import { renderDocument } from "../../src/render/index.js";
import { stripPositions, textOf } from "../../src/render/tree.js";

const TEMPLATE = "---\ntitle: t\n---\n# 1 Relevance\n\n## 1.1 Objectives\n\n:::fill{#needs-analysis}\nExplain the needs.\n:::\n\n:::fill{#risks}\nList the risks.\n:::\n";

function tree(): Root {
  return renderDocument({ template: TEMPLATE, templatePath: "part-b/en.md.hbs", partials: {}, labels: {}, context: {}, lang: "en" }).document!.tree;
}
const file = (slot: string, lang: "bg" | "en", text: string): NarrativeFile =>
  ({ document: "part-b", slot, lang, path: `narrative/part-b/${slot}.${lang}.md`, text, sha256: "x" });
const fills = (t: Root) => slotsIn(t).map((s) => s.node);

describe("insertNarrative", () => {
  it("puts the file's text in its slot and marks it filled; other slots stay boxes", () => {
    const t = tree();
    const r = insertNarrative(t, [file("needs-analysis", "en", "The region **needs** skills.\n\n- one\n- two\n")], "en");
    expect(r.filled).toBe(1);
    const [needs, risks] = fills(t) as [ContainerDirective, ContainerDirective];
    expect(needs.data).toEqual({ slot: "needs-analysis", filled: true, source: "narrative/part-b/needs-analysis.en.md" });
    expect(needs.children.map((c) => c.type)).toEqual(["paragraph", "list"]);
    expect(textOf(needs)).toBe("The region needs skills.onetwo");
    expect(risks.data).toEqual({ slot: "risks" });
    expect(textOf(risks)).toBe("List the risks.");
  });

  it("prints {{, directives and HTML as written", () => {
    const t = tree();
    insertNarrative(t, [file("risks", "en", "Costs {{budget.total}} and :::fill{#x} and <script>alert(1)</script>\n\n<div>block</div>\n")], "en");
    const risks = fills(t)[1]!;
    expect(textOf(risks)).toBe("Costs {{budget.total}} and :::fill{#x} and <script>alert(1)</script><div>block</div>");
    expect(JSON.stringify(stripPositions(risks.children))).not.toMatch(/"type":"(html|containerDirective|textDirective)"/);
  });

  it("moves headings below the slot's heading, keeping their steps", () => {
    const t = tree();
    insertNarrative(t, [file("needs-analysis", "en", "### Needs\n\ntext\n\n#### Detail\n\nmore\n")], "en");
    const heads = fills(t)[0]!.children.filter((c): c is Heading => c.type === "heading").map((h) => h.depth);
    expect(heads).toEqual([3, 4]);
  });

  it("a slot written in the other language only keeps its box and names the file", () => {
    const t = tree();
    const r = insertNarrative(t, [file("risks", "bg", "Рискове.")], "en");
    expect(r.filled).toBe(0);
    const risks = fills(t)[1]!;
    expect((risks.data as { filled?: boolean }).filled).toBeUndefined();
    expect(textOf(risks)).toBe("The text of this slot is written only in Bulgarian: narrative/part-b/risks.bg.md.List the risks.");
  });

  it("a file with only whitespace leaves the slot empty", () => {
    const t = tree();
    expect(insertNarrative(t, [file("risks", "en", " \n\n")], "en").filled).toBe(0);
  });
});

describe("counting", () => {
  it("counts words and characters of the text, not of the Markdown marks", () => {
    const text = plainText(parseNarrative("**Хъбът** обслужва [региона](https://example.org).\n\n- един\n- два\n"));
    expect(text).toBe("Хъбът обслужва региона.\nедин\nдва");
    expect(countText(text)).toEqual({ words: 5, characters: [..."Хъбът обслужва региона.\nедин\nдва"].length });
  });
});
