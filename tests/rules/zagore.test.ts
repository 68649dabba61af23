// The bundled example must pass the rules of its call with 0 errors and only honest warnings.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/index.js";
import { parseApplication } from "../../src/schema/diagnose.js";
import { loadCallPack } from "../../src/calls/index.js";
import { checkApplication } from "../../src/calls/check.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../examples/zagore");

describe("examples/zagore under its call's rules", () => {
  // No silent skip: the bundled example is part of the repository.
  it("the example is there", () => { expect(existsSync(join(dir, "edih.yaml")), `${dir}/edih.yaml is missing`).toBe(true); });

  async function run(stage: "draft" | "submission") {
    const loaded = await loadProject(dir);
    const { application } = parseApplication(loaded.project!);
    expect(application).toBeDefined();
    const { pack } = loadCallPack(application!.call);
    return checkApplication(application!, { callPack: pack!, stage, locate: (p) => loaded.project!.sourceMap.locate(p) });
  }

  it("draft: 0 errors; warnings for missing identifiers and partners outside BG34", async () => {
    const found = await run("draft");
    expect(found.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    const rules = new Set(found.map((d) => d.ruleId));
    expect(rules.has("identifiers-present")).toBe(true);
    expect(rules.has("partner-in-region")).toBe(true);
    for (const d of found) expect(d.file, d.message).toBeTruthy();
    for (const d of found.filter((x) => x.ruleId === "partner-in-region")) {
      expect(d.messageId).toBe("outside");
      expect(d.data).toMatchObject({ region: "BG34", seat: expect.stringMatching(/^BG\d{3}$/) });
      expect(String(d.data?.seat)).not.toMatch(/^BG34/);
    }
  });

  it("submission: the missing ЕИКs become errors", async () => {
    const found = await run("submission");
    expect(found.some((d) => d.ruleId === "identifiers-present" && d.severity === "error")).toBe(true);
  });
});
