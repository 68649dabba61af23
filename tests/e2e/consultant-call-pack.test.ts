// A national stage is data: the pack docs/CALL-PACKS.md shows, written into a folder of the
// consultant's own, validates and builds a Portuguese hub through --calls-dir, its rules take
// effect, and a slip in it is an error naming the file.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";
import { ROOT, buildJson, edih } from "./build-helpers.js";
import { tempDir } from "../temp.js";

/** The example pack of docs/CALL-PACKS.md: the yaml block that starts with its file name. */
function docPack(): { id: string; text: string } {
  const doc = readFileSync(join(ROOT, "docs/CALL-PACKS.md"), "utf8");
  const m = /```yaml\n# my-calls\/([A-Z0-9-]+)\.yaml\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error("docs/CALL-PACKS.md has no example pack");
  return { id: m[1]!, text: m[2]! };
}

function setup(hub: string): { app: string; calls: string; id: string } {
  const base = tempDir("pack");
  const calls = join(base, "my-calls");
  mkdirSync(calls);
  const { id, text } = docPack();
  writeFileSync(join(calls, `${id}.yaml`), text);
  const app = join(base, hub);
  copyApplicationSources(join(ROOT, "tests/e2e/fixtures", hub), app);
  const yaml = join(app, "edih.yaml");
  writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^call: .*$/m, `call: ${id}`));
  return { app, calls, id };
}

describe("a call pack written as docs/CALL-PACKS.md says, in the consultant's folder", () => {
  it("validates and builds a Portuguese hub end to end with --calls-dir", async () => {
    const { app, calls, id } = setup("porto-hub");
    const without = await edih(["apply", "validate", app]);
    expect(without.stdout + without.stderr).toContain(`Unknown call "${id}"`);
    const v = await edih(["apply", "validate", app, "--calls-dir", calls]);
    expect(v.stdout).toMatch(/✔ valid: 0 errors/);
    expect(v.code).toBe(0);
    const rules = await edih(["rules", "--call", id, "--calls-dir", calls]);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/^single-coordinator\s+off\b/m);
    const { code, report } = await buildJson(app, "--calls-dir", calls);
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(code).toBe(0);
    // Exactly the pack's documents, in the application's one language.
    expect(readdirSync(join(app, "out/en")).sort()).toEqual(["budget-table.docx", "budget-table.pdf", "part-b.docx", "part-b.pdf"]);
  });

  it("its rules take effect: a hub outside the pack's country is an error", async () => {
    const { app, calls } = setup("milano-hub");
    const r = await edih(["apply", "validate", app, "--calls-dir", calls]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/edih\.yaml:\d+:\d+ {2}error {2}Hub region ITC4 is outside PT, where this call selects hubs {2}hub-region-nuts2$/m);
  });

  it("a fact citing an unknown source is an error naming the pack's file", async () => {
    const { app, calls, id } = setup("porto-hub");
    const file = join(calls, `${id}.yaml`);
    writeFileSync(file, readFileSync(file, "utf8").replace("sources: [PT1]", "sources: [PT9]"));
    const r = await edih(["apply", "validate", app, "--calls-dir", calls]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`fact "duration_months" cites unknown source "PT9"`);
    expect(r.stdout).toContain(`${id}.yaml`);
  });
});
