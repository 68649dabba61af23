// A template in the application's own templates/ folder is data from whoever sent the folder: it
// must not reach JavaScript internals, and it must not be a link to a file outside the project.
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../src/package/build.js";
import { copyExample, docxText } from "./helpers.js";

const { sandbox, project } = copyExample("edih-sec-tpl-");
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const OWN = join(project, "templates", "budget-table");
const tplFile = join(OWN, "en.md.hbs");

const PAYLOADS = [
  "{{constructor.constructor}}",
  "{{constructor.name}}",
  "{{__proto__}}",
  "{{__proto__.constructor.name}}",
  "{{hub.constructor.name}}",
  "{{lookup this \"constructor\"}}",
  "{{lookup (lookup hub \"constructor\") \"name\"}}",
  "{{#with constructor}}[{{name}}]{{/with}}",
  "{{#with (lookup hub \"constructor\")}}[{{name}}]{{/with}}",
  "{{#each (lookup hub \"__proto__\")}}<{{@key}}>{{/each}}",
  "{{#with (lookup (lookup hub \"constructor\") \"prototype\")}}[{{@key}}]{{/with}}",
  "{{hub.name.__defineGetter__}}",
  "{{hub.acronym.length}}",
];

/** What leaks look like in output: function sources, constructor names, prototype members. */
const LEAK = /function|native code|\bObject\b|\bString\b|\bFunction\b|constructor|__proto__|prototype|defineGetter|hasOwnProperty|\[object/;

async function buildWith(template: string) {
  mkdirSync(OWN, { recursive: true });
  writeFileSync(tplFile, template);
  rmSync(join(project, "out"), { recursive: true, force: true });
  return buildPackage(project, { only: ["budget-table"], langs: ["en"], formats: ["docx"] });
}

describe("security: templates in the application folder", () => {
  it("an override template is used (the test below is not vacuous)", async () => {
    const report = await buildWith("---\ntitle: \"Own\"\n---\n\nOWN-TEMPLATE {{hub.acronym}}\n");
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(docxText(join(project, "out/en/budget-table.docx"))).toContain("OWN-TEMPLATE ZAGORE");
  });

  it.each(PAYLOADS)("%s renders nothing from JavaScript internals", async (payload) => {
    const report = await buildWith(`---\ntitle: "Probe"\n---\n\nBEFORE ${payload} AFTER\n`);
    const out = join(project, "out/en/budget-table.docx");
    if (existsSync(out)) {
      const text = docxText(out);
      expect(text).toContain("BEFORE");
      // Only what the payload printed between the markers matters (the heading prints "Probe").
      const printed = text.slice(text.indexOf("BEFORE") + 6, text.indexOf("AFTER"));
      expect(printed).not.toMatch(LEAK);
      expect(printed.replace(/[\s[\]<>]/g, "")).toMatch(/^\d*$/); // at most a string length
    } else {
      // Refused instead: then as a located template error, never a crash.
      const errors = report.diagnostics.filter((d) => d.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.ruleId).toBe("template");
        expect(e.message).not.toMatch(/native code|function \w*\(/);
      }
    }
  });

  it("a template that is a symlink to a file outside the project is refused (template-outside)", async () => {
    const outside = join(sandbox, "outside.md.hbs");
    writeFileSync(outside, "---\ntitle: \"Outside\"\n---\n\nOUTSIDE-CONTENT\n");
    mkdirSync(OWN, { recursive: true });
    rmSync(tplFile, { force: true });
    symlinkSync(outside, tplFile);
    rmSync(join(project, "out"), { recursive: true, force: true });
    const report = await buildPackage(project, { only: ["budget-table"], langs: ["en"], formats: ["docx"] });
    expect(report.diagnostics.map((d) => d.ruleId)).toContain("template-outside");
    expect(existsSync(join(project, "out/en/budget-table.docx"))).toBe(false);
    rmSync(tplFile);
  });

  it("a partial that is a symlink outside the project is refused (template-outside)", async () => {
    const outside = join(sandbox, "outside-partial.md.hbs");
    writeFileSync(outside, "OUTSIDE-PARTIAL\n");
    const partials = join(project, "templates", "_partials");
    mkdirSync(partials, { recursive: true });
    symlinkSync(outside, join(partials, "budget-direct-costs.md.hbs"));
    rmSync(join(project, "out"), { recursive: true, force: true });
    const report = await buildPackage(project, { only: ["budget-table"], langs: ["en"], formats: ["docx"] });
    expect(report.diagnostics.map((d) => d.ruleId)).toContain("template-outside");
    const out = join(project, "out/en/budget-table.docx");
    if (existsSync(out)) expect(docxText(out)).not.toContain("OUTSIDE-PARTIAL");
    rmSync(partials, { recursive: true });
  });

  it("a labels file that is a symlink outside the project is refused (template-outside)", async () => {
    const outside = join(sandbox, "outside-labels.yaml");
    writeFileSync(outside, "secret: OUTSIDE-LABEL\n");
    const labels = join(project, "templates", "_labels");
    mkdirSync(labels, { recursive: true });
    symlinkSync(outside, join(labels, "en.yaml"));
    rmSync(join(project, "out"), { recursive: true, force: true });
    const report = await buildPackage(project, { only: ["budget-table"], langs: ["en"], formats: ["docx"] });
    rmSync(labels, { recursive: true });
    expect(report.diagnostics.map((d) => d.ruleId)).toContain("template-outside");
  });

  it("templates/ itself linked outside the project is refused", async () => {
    const elsewhere = join(sandbox, "elsewhere-templates");
    mkdirSync(join(elsewhere, "budget-table"), { recursive: true });
    writeFileSync(join(elsewhere, "budget-table", "en.md.hbs"), "---\ntitle: \"X\"\n---\n\nLINKED-DIR\n");
    rmSync(join(project, "templates"), { recursive: true, force: true });
    symlinkSync(elsewhere, join(project, "templates"));
    rmSync(join(project, "out"), { recursive: true, force: true });
    const report = await buildPackage(project, { only: ["budget-table"], langs: ["en"], formats: ["docx"] });
    rmSync(join(project, "templates"));
    expect(report.diagnostics.map((d) => d.ruleId)).toContain("template-outside");
    expect(existsSync(join(project, "out/en/budget-table.docx"))).toBe(false);
  });
});

