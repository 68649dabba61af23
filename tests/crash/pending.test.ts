// The state a killed build leaves, made by hand so it is deterministic: one output already holds
// the NEW version (its hash only in .edih-pending.json), the manifest still describes the OLD
// package. A following build for the OLD data must put the old file back, not keep the new one
// as "up to date" and record the old hash for it (which the build after would call a hand edit).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../src/package/build.js";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";
import { tempDir } from "../temp.js";

const ROOT = join(import.meta.dirname, "../..");
const sandbox = tempDir("pending");
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
const OPTS = { only: ["statute"], langs: ["en"], formats: ["pdf" as const] };

describe("crash safety: a new file left by a killed build", () => {
  it("is replaced by the next build of the old data, and never reported as edited by hand", async () => {
    const copy = (name: string) => {
      const d = join(sandbox, name);
      copyApplicationSources(join(ROOT, "examples/zagore"), d);
      return d;
    };
    const app = copy("app");
    const other = copy("other");
    const file = join(other, "edih.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("en: European Digital Innovation Hub Zagore\n", "en: European Digital Innovation Hub Zagore (revised)\n"));

    expect((await buildPackage(app, OPTS)).stopped).toBe(false);
    expect((await buildPackage(other, OPTS)).stopped).toBe(false);
    const target = join(app, "out/en/statute.pdf");
    const oldSha = sha(target);
    const newFile = join(other, "out/en/statute.pdf");
    expect(sha(newFile)).not.toBe(oldSha);

    // What a build of the revised data killed right after moving statute.pdf into place leaves.
    cpSync(newFile, target);
    writeFileSync(join(app, "out/.edih-pending.json"), JSON.stringify({ "en/statute.pdf": sha(newFile) }));

    const again = await buildPackage(app, OPTS);
    expect(again.diagnostics.filter((d) => d.ruleId === "edited-output")).toEqual([]);
    expect(sha(target), "the old data's file is back").toBe(oldSha);
    const manifest = JSON.parse(readFileSync(join(app, "out/manifest.json"), "utf8")) as { outputs: { path: string; sha256: string }[] };
    expect(manifest.outputs.find((o) => o.path === "en/statute.pdf")?.sha256).toBe(sha(target));

    const third = await buildPackage(app, OPTS);
    expect(third.diagnostics.filter((d) => d.ruleId === "edited-output")).toEqual([]);
    expect(third.kept).toEqual([]);
  });
});
