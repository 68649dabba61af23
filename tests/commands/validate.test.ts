// The command's flags, exit codes and help, through the built CLI.
import { describe, expect, it } from "vitest";
import { runCli } from "../load/run-cli.js";

const ZAGORE = "examples/zagore";
const RULE_ERRORS = "tests/load/fixtures/valid"; // loads and passes the schema, but breaks call rules

describe("edih validate: exit codes", () => {
  it("exits 0 on a valid application with warnings, and 1 when a rule finds an error", async () => {
    expect((await runCli(["validate", ZAGORE])).status).toBe(0);
    expect((await runCli(["validate", RULE_ERRORS])).status).toBe(1);
  });

  it("the alias and the full command give the same output", async () => {
    const a = await runCli(["validate", RULE_ERRORS]);
    const b = await runCli(["apply", "validate", RULE_ERRORS]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/single-coordinator\n/);
  });

  it("defaults to the current folder", async () => {
    const r = await runCli(["validate"], { cwd: `${process.cwd()}/${ZAGORE}` });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^partners\/\S+\.yaml:\d+:\d+  warning  /m);
  });

  it.each([
    [["validate", ZAGORE, "--format", "xml"], /--format must be one of text, json \(got "xml"\)/],
    [["validate", ZAGORE, "--stage", "final"], /--stage must be one of draft, submission \(got "final"\)/],
    [["validate", ZAGORE, "--frmat", "json"], /unknown option '--frmat'/],
    [["validate", ZAGORE, "--call", "DIGITAL-2021-EDIH-1"], /Unknown call "DIGITAL-2021-EDIH-1"/],
  ])("usage error %j → exit 2", async (args, message) => {
    const r = await runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("edih validate: options", () => {
  it("--format json prints one JSON document with the same findings as text", async () => {
    const json = await runCli(["validate", ZAGORE, "--format", "json"]);
    const text = await runCli(["validate", ZAGORE]);
    const doc = JSON.parse(json.stdout) as { valid: boolean; counts: { error: number; warning: number }; diagnostics: Array<{ file: string; line: number; column: number; severity: string; message: string; ruleId: string }> };
    expect(doc.valid).toBe(true);
    expect(doc.counts.error).toBe(0);
    expect(doc.counts.warning).toBeGreaterThan(0);
    const fromJson = doc.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`);
    expect(text.stdout.split("\n").filter((l) => /^\S+:\d+:\d+  /.test(l))).toEqual(fromJson);
  });

  it("--stage submission turns missing identifiers into errors", async () => {
    const draft = JSON.parse((await runCli(["validate", ZAGORE, "--format", "json"])).stdout);
    const submission = await runCli(["validate", ZAGORE, "--format", "json", "--stage", "submission"]);
    expect(submission.status).toBe(1);
    const doc = JSON.parse(submission.stdout);
    expect(doc.counts.error).toBeGreaterThan(draft.counts.error);
    expect(doc.diagnostics.some((d: { ruleId: string; severity: string }) => d.ruleId === "identifiers-present" && d.severity === "error")).toBe(true);
  });

  it("--call overrides the application's call", async () => {
    // The example names the national pre-selection, which requires a public-benefit association;
    // both packs load, so the run succeeds either way, but the rule sets differ.
    const national = JSON.parse((await runCli(["validate", ZAGORE, "--format", "json"])).stdout);
    const eu = JSON.parse((await runCli(["validate", ZAGORE, "--format", "json", "--call", "DIGITAL-2021-EDIH-01"])).stdout);
    expect(JSON.stringify(eu.diagnostics)).not.toBe(JSON.stringify(national.diagnostics));
  });

  it("--quiet prints errors only, while the summary still counts the warnings", async () => {
    const r = await runCli(["validate", ZAGORE, "--quiet"]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("  warning  ");
    expect(r.stdout).toMatch(/^✔ valid: 0 errors, [1-9]\d* warnings?\n$/);
    const bad = await runCli(["validate", RULE_ERRORS, "--quiet"]);
    expect(bad.stdout).toContain("  error  ");
    expect(bad.stdout).not.toContain("  warning  ");
  });

  it("prints no colour codes when NO_COLOR is set or the output is not a terminal", async () => {
    expect((await runCli(["validate", RULE_ERRORS])).stdout).not.toContain("\u001b[");
    expect((await runCli(["validate", RULE_ERRORS], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } })).stdout).toContain("\u001b[31merror");
  });

  it("--help teaches with examples", async () => {
    for (const args of [["validate", "--help"], ["apply", "validate", "--help"]]) {
      const r = await runCli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("Examples:");
      expect(r.stdout).toContain("$ edih apply validate examples/zagore");
      expect(r.stdout).toMatch(/--stage <stage>/);
    }
  });
});
