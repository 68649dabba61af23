// One run of the built CLI (bin/edih.js → start-up bundle → dist/) per command family whose other
// tests run in-process: the shipped entry point, its exit code and its streams. validate, build,
// init, schema and rules have theirs next to their other tests (validate-modules, crash/kill-build
// and build-options --watch, init-interactive, crash/environment, rules).
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT, spawnCli } from "../run-cli.js";

const FIX = join(ROOT, "tests/workflow/fixtures");

describe("the built CLI, once per command family", () => {
  it("edih partners list", () => {
    const r = spawnCli(["partners", "list", "examples/zagore", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string }[];
    expect(rows.map((p) => p.id)).toContain("trakia-university");
    expect(rows).toHaveLength(15);
  });

  it("edih narrative status", () => {
    const r = spawnCli(["narrative", "status", "examples/zagore", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { call: string; documents: unknown[] };
    expect(doc.call).toBe("BG-EDIH-PRESELECTION-2021");
    expect(doc.documents.length).toBeGreaterThan(0);
  });

  it("edih apply diff", () => {
    const r = spawnCli(["apply", "diff", join(FIX, "diff-old"), join(FIX, "diff-new")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+ added cluster — Cluster");
  });

  it("edih apply status, and a usage error's exit code and one line", () => {
    const r = spawnCli(["apply", "status", "examples/zagore", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { planned: boolean; outputs: unknown[] };
    expect(s.planned).toBe(true);
    expect(s.outputs).toHaveLength(146);
    const bad = spawnCli(["apply", "status", "examples/zagore", "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe('edih: --format must be one of text, json (got "xml")\n');
  });
});
