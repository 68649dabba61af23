// Every input is untrusted: links out of the folder, BOMs, NFD text, numbers and texts beyond
// what edih can keep exactly, totals that would exhaust memory. In-process, located diagnostics.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { loadProject } from "../../src/load/index.js";
import { MAX_TOTAL_BYTES } from "../../src/load/project.js";
import { cleanText } from "../../src/load/text.js";
import { validateProject } from "../../src/validate/index.js";
import { tempDir } from "../temp.js";

const EXAMPLE = join(import.meta.dirname, "../../examples/zagore");
const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

function sandbox(): { root: string; app: string } {
  const root = tempDir("untrusted");
  made.push(root);
  const app = join(root, "app");
  cpSync(EXAMPLE, app, { recursive: true, filter: (s) => !s.includes("/out") });
  return { root, app };
}

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error");

describe("links out of the application folder are refused for every input (item 4)", () => {
  it("a linked edih.yaml", async () => {
    const { root, app } = sandbox();
    cpSync(join(app, "edih.yaml"), join(root, "elsewhere.yaml"));
    rmSync(join(app, "edih.yaml"));
    symlinkSync(join(root, "elsewhere.yaml"), join(app, "edih.yaml"));
    const { project, diagnostics } = await loadProject(app);
    expect(project).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ ruleId: "file-outside", severity: "error", line: 1 });
    expect(diagnostics[0]!.message).toMatch(/edih\.yaml links to a file outside the application folder/);
  });

  it("a linked partners/ folder", async () => {
    const { root, app } = sandbox();
    cpSync(join(app, "partners"), join(root, "their-partners"), { recursive: true });
    rmSync(join(app, "partners"), { recursive: true });
    symlinkSync(join(root, "their-partners"), join(app, "partners"));
    const { diagnostics } = await loadProject(app);
    expect(errors(diagnostics).map((d) => d.message)).toContainEqual(expect.stringMatching(/partners\/ links to a folder outside/));
  });

  it("a link inside the folder is fine", async () => {
    const { app } = sandbox();
    cpSync(join(app, "edih.yaml"), join(app, "real.yaml"));
    rmSync(join(app, "edih.yaml"));
    symlinkSync(join(app, "real.yaml"), join(app, "edih.yaml"));
    expect((await loadProject(app)).project).toBeDefined();
  });
});

describe("text is cleaned at load: BOM dropped, NFC (items 5 and 7)", () => {
  it("cleanText drops a BOM and composes и + combining breve into й", () => {
    expect(cleanText("\uFEFF---\ntitle: x")).toBe("---\ntitle: x");
    expect(cleanText("\u0438\u0306")).toBe("\u0439");
    expect(cleanText("Зaгоре")).toBe("Зaгоре");
  });

  it("a YAML file in NFD loads as the same data as in NFC", async () => {
    const { app } = sandbox();
    const file = join(app, "edih.yaml");
    const nfc = (await loadProject(app)).project!.raw;
    writeFileSync(file, "\uFEFF" + readFileSync(file, "utf8").normalize("NFD"));
    const nfd = (await loadProject(app)).project!.raw;
    expect(JSON.stringify(nfd)).toBe(JSON.stringify(nfc));
    expect(JSON.stringify(nfd)).toMatch(/й/);
  });
});

describe("numbers and texts beyond what edih keeps exactly (items 6 and 10)", () => {
  const withLine = async (from: RegExp, to: string) => {
    const { app } = sandbox();
    const file = join(app, "edih.yaml");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(from);
    writeFileSync(file, text.replace(from, to));
    return validateProject(app);
  };

  it("an integer beyond 2^53 is a located error naming the limit", async () => {
    const r = await withLine(/duration_months: 36/, "duration_months: 9007199254740993");
    const e = errors(r.diagnostics).find((d) => d.ruleId === "number-too-large");
    expect(e?.message).toMatch(/9007199254740993 is larger than 2\^53/);
    expect(e?.line).toBeGreaterThan(1);
  });

  it.each([["42000000000000000000000", /larger than 2\^53/], ["420000000000", /must be at most 10000000000/]])("an amount of %s is a located error, not €4.2e+22", async (amount, why) => {
    const r = await withLine(/personnel: 420000,/, `personnel: ${amount},`);
    const e = errors(r.diagnostics).find((d) => why.test(d.message));
    expect(e, JSON.stringify(errors(r.diagnostics).map((d) => d.message))).toBeDefined();
    expect(e!.line).toBeGreaterThan(1);
  });

  it("duration_months: 120000 is an error, not a warning", async () => {
    const r = await withLine(/duration_months: 36/, "duration_months: 120000");
    expect(errors(r.diagnostics).some((d) => /duration_months|120/.test(`${d.message} ${JSON.stringify(d)}`))).toBe(true);
  });

  it("a 1 MB short_name is a located error naming the limit", async () => {
    const { app } = sandbox();
    const file = readdirYaml(join(app, "partners"))[0]!;
    writeFileSync(file, readFileSync(file, "utf8").replace(/^short_name:.*\n/m, "") + `\nshort_name: ${"x".repeat(1_000_000)}\n`);
    const { diagnostics } = await loadProject(app);
    expect(diagnostics.map((d) => d.message).join("\n")).toMatch(/characters/);
    const e = diagnostics.find((d) => d.ruleId === "text-too-long");
    expect(e?.message).toMatch(/1,000,000 characters, more than the 50,000/);
    expect(e?.file).toBe(file);
  });

  it("the application's files together are limited, with the limit named", async () => {
    const { app } = sandbox();
    const filler = `# ${"x".repeat(4 * 1024 * 1024)}\nname: Filler\n`;
    for (let i = 0; i < Math.ceil(MAX_TOTAL_BYTES / (4 * 1024 * 1024)) + 1; i++) writeFileSync(join(app, "partners", `zz-filler-${i}.yaml`), filler);
    const { project, diagnostics } = await loadProject(app);
    expect(project).toBeUndefined();
    expect(diagnostics.find((d) => d.ruleId === "input-too-large")?.message).toMatch(/more than 20 MB \(the limit for all files together\)/);
  });
});

describe("silent no-ops in partners/ now warn (item 15)", () => {
  it("partners/foo.YAML is ignored with a warning", async () => {
    const { app } = sandbox();
    writeFileSync(join(app, "partners", "foo.YAML"), "name: Foo\n");
    const { diagnostics } = await loadProject(app);
    expect(diagnostics.find((d) => d.ruleId === "ignored-file")?.message).toMatch(/foo\.YAML is ignored: partner files end in \.yaml/);
  });
  it("partners being a file warns", async () => {
    const { app } = sandbox();
    rmSync(join(app, "partners"), { recursive: true });
    writeFileSync(join(app, "partners"), "oops");
    const { diagnostics } = await loadProject(app);
    expect(diagnostics.find((d) => d.ruleId === "ignored-file")?.message).toMatch(/partners is not a folder/);
  });
});

function readdirYaml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== "out") walk(join(d, e.name));
      else if (e.name.endsWith(".yaml")) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}


describe("a BOM in a template, partial or labels file keeps its front matter (item 5)", () => {
  it("the title of a template saved with a BOM is read", async () => {
    const { loadTemplateSet, renderDocument } = await import("../../src/render/index.js");
    const { root } = sandbox();
    const dir = join(root, "tpl");
    const write = (rel: string, text: string) => { mkdirSync(join(dir, rel, ".."), { recursive: true }); writeFileSync(join(dir, rel), text); };
    write("doc/en.md.hbs", "\uFEFF---\ntitle: Hello {{name}}\n---\n\n{{> part}}\n");
    write("_partials/part.md.hbs", "\uFEFFBody of {{name}}.\n");
    write("_labels/en.yaml", "\uFEFFsection: Section\n");
    const { set, diagnostics } = loadTemplateSet([dir], "doc", "en");
    expect(diagnostics).toEqual([]);
    const r = renderDocument({ template: set!.template.source, templatePath: set!.template.path, partials: set!.partials, labels: set!.labels,
      context: { name: "Zagore" }, lang: "en" });
    expect(r.document?.meta.title).toBe("Hello Zagore");
    expect(set!.labels).toEqual({ section: "Section" });
    expect(JSON.stringify(r.document?.tree)).not.toContain("\uFEFF");
  });
});

describe("messages name the real cause (item 14)", () => {
  it("an alias to an undefined anchor is not called an alias bomb", async () => {
    const { parseYaml } = await import("../../src/load/parse-yaml.js");
    const r = parseYaml("a: 1\nb: *nope\n", "x.yaml");
    expect(r.diagnostics).toMatchObject([{ ruleId: "yaml-alias", line: 2, message: "the alias *nope refers to no anchor: &nope is not defined above it" }]);
  });

  it.each([
    ["founded_on: 20210330", /Write the date with hyphens, e\.g\. 2021-03-30/],
    ["founded_on: !!binary aGVsbG8=", /not binary data \(!!binary\)/],
    ["founded_on: !!timestamp 2021-03-30", /not a timestamp \(!!timestamp\)/],
  ])("%s is described as what it is", async (line, expected) => {
    const { app } = sandbox();
    const file = join(app, "edih.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/founded_on: 2021-03-30/, line));
    const r = await validateProject(app);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.message} ${d.hint ?? ""}`).join("\n")).toMatch(expected);
  });
});
