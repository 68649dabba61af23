// Every bad input the loader knows, through the built CLI: a located one-line message, exit 1
// (exit 2 for a missing folder), never a stack trace, never a hang.
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { readExpectations } from "../load/expect-comments.js";
import { ROOT, runCli } from "../load/run-cli.js";
import { tempDir } from "../temp.js";

const LOAD_FIXTURES = join(ROOT, "tests/load/fixtures");
const SCHEMA_FIXTURES = join(ROOT, "tests/schema/fixtures");
const fixtureDirs = [
  ...readdirSync(LOAD_FIXTURES).filter((d) => d !== "valid").map((d) => join(LOAD_FIXTURES, d)),
  ...readdirSync(SCHEMA_FIXTURES).map((d) => join(SCHEMA_FIXTURES, d)),
].sort();

function tmpProject(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir("e2e");
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

function assertNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toContain("internal error");
}

describe("edih validate on bad input: text output", () => {
  it.each(fixtureDirs.map((d) => [relative(ROOT, d), d]))("%s: each marked line is reported as file:line:col, exit 1", async (rel, dir) => {
    const r = await runCli(["validate", rel]);
    expect(r.status).toBe(1);
    assertNoStack(r.stdout + r.stderr);
    const lines = r.stdout.split("\n");
    for (const e of readExpectations(dir)) {
      const prefix = `${rel}/${e.file}:${e.line}:`;
      const line = lines.find((l) => l.startsWith(prefix) && l.endsWith(`  ${e.ruleId}`));
      expect(line, `no "${prefix}… ${e.ruleId}" in:\n${r.stdout}`).toBeDefined();
      expect(line).toMatch(/^\S+:\d+:\d+  error  .+  [a-z0-9-]+$/);
    }
    expect(lines.at(-2)).toMatch(/^✖ \d+ errors?, \d+ warnings?/);
  });
});

describe("edih validate on bad input: JSON output", () => {
  it.each(fixtureDirs.map((d) => [relative(ROOT, d), d]))("%s", async (rel, dir) => {
    const r = await runCli(["apply", "validate", rel, "--format", "json"]);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { valid: boolean; diagnostics: Array<{ file: string; line: number; column: number; ruleId: string }> };
    expect(doc.valid).toBe(false);
    const got = doc.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`);
    for (const e of readExpectations(dir)) expect(got).toContain(`${rel}/${e.file}:${e.line} ${e.ruleId}`);
  });
});

describe("edih validate on generated bad input", () => {
  it("a missing folder is a usage error: exit 2, one line on stderr", async () => {
    const r = await runCli(["validate", "no/such/folder"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe("edih: folder not found: no/such/folder");
    assertNoStack(r.stderr);
  });

  it("a folder without edih.yaml is a usage error too", async () => {
    const r = await runCli(["validate", tempDir("e2e-empty")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^edih: no edih\.yaml in /);
  });

  it("an empty edih.yaml: located at 1:1, exit 1", async () => {
    const dir = tmpProject({ "edih.yaml": "" });
    const r = await runCli(["validate", "."], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^edih\.yaml:1:1  error  the file holds no data .+  empty-file$/m);
  });

  it("a binary file: located at the NUL byte, exit 1", async () => {
    const dir = tmpProject({ "edih.yaml": "version: 1\n", "partners/logo.yaml": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    const r = await runCli(["validate"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^partners\/logo\.yaml:3:1  error  not a text file: it contains NUL bytes  binary-file$/m);
  });

  it("a 20 MB file: refused before parsing, exit 1, quickly", async () => {
    const dir = tmpProject({ "edih.yaml": "version: 1\nhub:\n" + "  # padding padding padding\n".repeat(750_000) });
    const started = Date.now();
    const r = await runCli(["validate"], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^edih\.yaml:1:1  error  file is 20 MB, .+  file-too-large$/m);
  });

  it("an alias bomb: stopped, located, exit 1", async () => {
    const rel = "tests/load/fixtures/alias-bomb";
    const started = Date.now();
    const r = await runCli(["validate", rel]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.status).toBe(1);
    const [e] = readExpectations(join(ROOT, rel));
    expect(r.stdout).toContain(`${rel}/edih.yaml:${e!.line}:8  error  too many YAML aliases`);
  });

  it("an unquoted ЕИК with leading zeros: says the zeros were lost", async () => {
    const rel = "tests/load/fixtures/unquoted-identifier";
    const r = await runCli(["validate", rel]);
    expect(r.status).toBe(1);
    const [e] = readExpectations(join(ROOT, rel));
    expect(r.stdout).toContain(`${rel}/edih.yaml:${e!.line}:10  error  eik: 000818019 is read as the number 818019: the leading zeros are lost; write it in quotes  unquoted-identifier`);
    expect(r.stdout).toContain('    hint: eik: "000818019"');
  });

  it("a duplicate partner id names both places", async () => {
    const rel = "tests/load/fixtures/duplicate-partner";
    const r = await runCli(["validate", rel]);
    expect(r.stdout).toMatch(/partner id "trakia-university" is given twice: edih\.yaml:\d+:\d+ and partners\/trakia-university\.yaml:1:5/);
  });

  it("schema errors: rule checks are skipped and the summary says so", async () => {
    const r = await runCli(["validate", "tests/schema/fixtures/bad-values"]);
    expect(r.stdout).toContain("rule checks skipped until the 7 schema errors are fixed\n✖ 7 errors, 0 warnings\n");
  });
});
