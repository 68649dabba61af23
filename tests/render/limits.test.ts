// Item 10: a template that emits millions of characters or tens of thousands of table rows gets a
// located error naming the limit, not minutes of work and an out-of-memory abort.
import { describe, expect, it } from "vitest";
import { renderDocument } from "../../src/render/index.js";
import { MAX_RENDERED_CHARS, MAX_TABLE_ROWS } from "../../src/render/limits.js";

const render = (template: string, context: object) =>
  renderDocument({ template, templatePath: "t/en.md.hbs", partials: {}, labels: {}, context, lang: "en" });

describe("limits on what one document may render", () => {
  it("more characters than the limit: error at the template, limit named", () => {
    const r = render("---\ntitle: T\n---\n{{#each rows}}{{this}}\n{{/each}}", { rows: Array.from({ length: 110 }, () => "x".repeat(100_000)) });
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ ruleId: "render-limit", severity: "error", file: "t/en.md.hbs", line: 1 }]);
    expect(r.diagnostics[0]!.message).toMatch(new RegExp(`more than the ${MAX_RENDERED_CHARS.toLocaleString("en")}`));
  });

  it("more table rows than the limit: error, limit named", () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 10 }, (_, i) => i);
    const r = render("---\ntitle: T\n---\n| a |\n|---|\n{{#each rows}}| {{this}} |\n{{/each}}", { rows });
    expect(r.diagnostics[0]?.message).toMatch(new RegExp(`table rows, more than the ${MAX_TABLE_ROWS.toLocaleString("en")}`));
  });

  it("a normal table renders", () => {
    const r = render("---\ntitle: T\n---\n| a |\n|---|\n{{#each rows}}| {{this}} |\n{{/each}}", { rows: [1, 2, 3] });
    expect(r.diagnostics).toEqual([]);
    expect(r.document?.meta.title).toBe("T");
  });
});
