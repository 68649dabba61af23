// validateProject, the library behind the command: load → schema → rules.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateProject } from "../../src/validate/index.js";
import { ROOT } from "../load/run-cli.js";

describe("validateProject", () => {
  it("runs every step on the example and returns the typed application and call pack", async () => {
    const r = await validateProject(join(ROOT, "examples/zagore"));
    expect(r.usage).toBeUndefined();
    expect(r.application?.hub.region).toBe("BG34");
    expect(r.callPack?.id).toBe(r.application?.call);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.diagnostics.some((d) => d.ruleId === "identifiers-present")).toBe(true);
    expect(r.notes).toEqual([]);
  });

  it("skips the rules while schema errors exist, and says how many", async () => {
    const r = await validateProject(join(ROOT, "tests/schema/fixtures/missing-keys"));
    expect(r.application).toBeUndefined();
    expect(new Set(r.diagnostics.map((d) => d.ruleId))).toEqual(new Set(["schema"]));
    expect(r.notes).toEqual(["rule checks skipped until the 3 schema errors are fixed"]);
  });

  it("marks a missing folder and an unknown --call as usage problems", async () => {
    expect((await validateProject(join(ROOT, "no-such-folder"))).usage?.ruleId).toBe("missing-folder");
    expect((await validateProject(join(ROOT, "examples/zagore"), { call: "NOPE" })).usage?.message).toMatch(/Unknown call "NOPE"/);
  });

  it("reports a duplicate partner once, by the loader, naming both files", async () => {
    const r = await validateProject(join(ROOT, "tests/load/fixtures/duplicate-partner"));
    expect(r.diagnostics.filter((d) => d.ruleId === "duplicate-partner")).toHaveLength(1);
    expect(r.diagnostics.filter((d) => d.ruleId === "partner-ids-unique")).toHaveLength(0);
  });
});
