import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/index.js";
import { readExpectations, sortExpected, toFixturePath } from "./expect-comments.js";
import { tempDir } from "../temp.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const BAD = readdirSync(FIXTURES).filter((d) => d !== "valid").sort();

function tmpProject(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir("load");
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

describe("loadProject: fixtures with `# expect:` comments", () => {
  it.each(BAD)("%s reports exactly the marked diagnostics, each located on one line", async (name) => {
    const dir = join(FIXTURES, name);
    const expected = readExpectations(dir);
    expect(expected.length).toBeGreaterThan(0);
    const { diagnostics } = await loadProject(dir);
    const actual = sortExpected(diagnostics.map((d) => ({ file: toFixturePath(d.file!, dir), line: d.line!, ruleId: d.ruleId })));
    expect(actual).toEqual(expected);
    for (const d of diagnostics) {
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message).not.toContain("\n");
      expect(d.severity).toBe("error");
    }
  });
});

describe("loadProject: a valid folder", () => {
  const dir = join(FIXTURES, "valid");
  /** Where the nth occurrence of `needle` starts in a fixture file, as a Location. */
  const at = (rel: string, needle: string, nth = 1) => {
    const text = readFileSync(join(dir, rel), "utf8");
    let offset = -1;
    for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
    const before = text.slice(0, offset).split("\n");
    return { file: join(dir, rel), line: before.length, column: before.at(-1)!.length + 1 };
  };

  it("merges inline partners first, then partners/*.yaml by file name, ids from file names", async () => {
    const { project, diagnostics } = await loadProject(dir);
    expect(diagnostics).toEqual([]);
    const partners = project!.raw.partners as Array<{ id: string }>;
    expect(partners.map((p) => p.id)).toEqual(["inline-partner", "alpha", "beta"]);
    // The file name becomes the id and leads the object.
    expect(Object.keys(partners[1]!)[0]).toBe("id");
  });

  it("lists the files read with their sha256, README.md in partners/ ignored", async () => {
    const { project } = await loadProject(dir);
    expect(project!.files.map((f) => f.path)).toEqual(["edih.yaml", "partners/alpha.yaml", "partners/beta.yaml"]);
    for (const f of project!.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("locates partner paths in the partner's own file, and inline ones in edih.yaml", async () => {
    const { project } = await loadProject(dir);
    const map = project!.sourceMap;
    expect(map.locate(["partners", 0, "seat", "nuts3"])).toEqual(at("edih.yaml", "BG344 }", 2));
    expect(map.locate(["partners", 1, "seat", "nuts3"])).toEqual(at("partners/alpha.yaml", "BG344"));
    expect(map.locate(["partners", 2, "seat", "nuts3"])).toEqual(at("partners/beta.yaml", "BG342"));
    expect(map.locate(["hub", "region"])).toEqual(at("edih.yaml", "BG34\n"));
  });

  it("falls back to the nearest existing ancestor for a missing node", async () => {
    const { project } = await loadProject(dir);
    const map = project!.sourceMap;
    // beta.yaml has no contact: the partner's mapping (the file's first line) is the nearest node.
    expect(map.locate(["partners", 2, "contact", "email"])).toEqual({ file: join(dir, "partners/beta.yaml"), line: 1, column: 1 });
    expect(map.locate(["hub", "legal_entity", "eik"])).toEqual(at("edih.yaml", "legal_form: association"));
  });

  it("accepts the path of edih.yaml itself", async () => {
    const { project } = await loadProject(join(dir, "edih.yaml"));
    expect(project?.dir).toBe(dir);
  });
});

describe("loadProject: specific messages", () => {
  it("names both places of a duplicate partner id", async () => {
    const dir = join(FIXTURES, "duplicate-partner");
    const { diagnostics } = await loadProject(dir);
    const [first] = readExpectations(dir);
    expect(diagnostics[0]!.message).toBe(
      `partner id "trakia-university" is given twice: edih.yaml:16:9 and partners/trakia-university.yaml:${first!.line}:5`);
  });

  it("says the leading zeros of an unquoted ЕИК were lost, and keeps the digits as written", async () => {
    const { project, diagnostics } = await loadProject(join(FIXTURES, "unquoted-identifier"));
    const eik = diagnostics.find((d) => d.path?.join(".") === "partners.0.eik")!;
    expect(eik.message).toContain("000818019 is read as the number 818019: the leading zeros are lost; write it in quotes");
    expect(eik.hint).toBe('eik: "000818019"');
    const pic = diagnostics.find((d) => d.path?.join(".") === "partners.0.pic")!;
    expect(pic.message).toContain("write it in quotes");
    expect(pic.message).not.toContain("zeros");
    const partners = project!.raw.partners as Array<Record<string, unknown>>;
    expect(partners[0]!.eik).toBe("000818019");
    // The phone in partners/gamma.yaml is reported with its merged path.
    expect(diagnostics.find((d) => d.file!.endsWith("gamma.yaml"))!.path).toEqual(["partners", 1, "contact", "phone"]);
  });

  it("reports a missing folder and a folder without edih.yaml as usage problems", async () => {
    const missing = await loadProject(join(tmpdir(), "edih-no-such-folder-4711"));
    expect(missing.project).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.ruleId)).toEqual(["missing-folder"]);
    const empty = await loadProject(tempDir("empty"));
    expect(empty.diagnostics.map((d) => d.ruleId)).toEqual(["missing-file"]);
  });

  it("reports a 0-byte edih.yaml as empty at 1:1", async () => {
    const dir = tmpProject({ "edih.yaml": "" });
    const { project, diagnostics } = await loadProject(dir);
    expect(project).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ruleId: "empty-file", file: join(dir, "edih.yaml"), line: 1, column: 1 }]);
  });

  it("refuses a binary file, pointing at the first NUL byte", async () => {
    const dir = tmpProject({ "edih.yaml": Buffer.concat([Buffer.from("version: 1\ncall: X\nhub: ab"), Buffer.from([0, 1, 2, 0xff])]) });
    const { diagnostics } = await loadProject(dir);
    expect(diagnostics).toMatchObject([{ ruleId: "binary-file", line: 3, column: 8 }]);
  });

  it("refuses a file that is not UTF-8 (a Windows-1251 export)", async () => {
    // "име" in Windows-1251: bytes that are invalid as UTF-8.
    const dir = tmpProject({ "edih.yaml": "version: 1\n", "partners/x.yaml": Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe8, 0xec, 0xe5, 0x0a]) });
    const { diagnostics } = await loadProject(dir);
    expect(diagnostics).toMatchObject([{ ruleId: "binary-file", file: join(dir, "partners/x.yaml"), line: 1, column: 7 }]);
    expect(diagnostics[0]!.message).toContain("UTF-8");
  });

  it("refuses a 20 MB file before parsing it", async () => {
    const dir = tmpProject({ "edih.yaml": "version: 1\n" + "# padding\n".repeat(2 * 1024 * 1024) });
    const { diagnostics } = await loadProject(dir);
    expect(diagnostics).toMatchObject([{ ruleId: "file-too-large", line: 1, column: 1 }]);
    expect(diagnostics[0]!.message).toMatch(/file is 20 MB/);
  });

  it("reports data nested too deeply instead of crashing", async () => {
    const dir = tmpProject({ "edih.yaml": "a: " + "[".repeat(20000) + "]".repeat(20000) + "\n" });
    const { diagnostics } = await loadProject(dir);
    expect(diagnostics).toMatchObject([{ ruleId: "yaml-syntax", line: 1, message: "the data is nested too deeply to read" }]);
  });

  it("warns about a partner file ending in .yml, which is not read", async () => {
    const dir = tmpProject({ "edih.yaml": "version: 1\n", "partners/x.yml": "name: X\n" });
    const { project, diagnostics } = await loadProject(dir);
    expect(diagnostics).toMatchObject([{ ruleId: "ignored-file", severity: "warning" }]);
    expect(project!.raw.partners).toBeUndefined();
  });

  it("requires edih.yaml to be a mapping", async () => {
    const dir = tmpProject({ "edih.yaml": "- a\n- b\n" });
    const { project, diagnostics } = await loadProject(dir);
    expect(project).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ruleId: "yaml-structure", line: 1 }]);
  });
});
