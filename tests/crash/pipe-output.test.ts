// A long report must reach a pipe whole: `edih apply validate --format json | jq` on a large
// consortium. process.exit() right after writing drops what the pipe has not taken yet (64 KiB).
import { spawnSync } from "../spawn.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateConsortium } from "../../bench/generate.js";
import { tempDir } from "../temp.js";

const ROOT = join(import.meta.dirname, "../..");
const sandbox = tempDir("pipe");
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe("output through a pipe", () => {
  it("validate --format json of a 200-partner consortium is complete JSON (> 64 KiB)", () => {
    const dir = join(sandbox, "big");
    generateConsortium(dir, 200, join(ROOT, "examples/zagore"));
    // A shell pipe, as a user types it (Node's own spawn pipes do not show the loss).
    const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const r = spawnSync("sh", ["-c", `${q(process.execPath)} ${q(join(ROOT, "bin/edih.js"))} apply validate ${q(dir)} --format json | cat`],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(65536);
    const report = JSON.parse(r.stdout) as { diagnostics: unknown[] };
    expect(report.diagnostics.length).toBeGreaterThan(200);
  });
});
