import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyExample, edihProcess as edih } from "../e2e/build-helpers.js";
import { runCli } from "../run-cli.js";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

// Rendering shares decoded font tables between documents and may run in worker threads: neither
// may change a single byte of what a document renders to on its own.
describe("rendering is independent of what else the process renders", () => {
  it("a PDF rendered after other documents equals the same PDF rendered alone", async () => {
    const dir = copyExample("fonts");
    // Alone: a fresh process renders the statute and nothing else.
    const alone = edih(["apply", "build", dir, "--out", join(dir, "alone"), "--only", "statute", "--lang", "bg", "--format", "pdf", "-q"]);
    expect(alone.code).toBe(0);
    // After: this process, which renders the two documents before it in the same build (and has
    // usually rendered others for earlier test files).
    // --no-reuse: laid out here, not answered from what this process rendered for earlier files.
    const after = await runCli(["apply", "build", dir, "--no-reuse", "--out", join(dir, "after"), "--only", "council-decision,cooperation-agreement,statute",
      "--lang", "bg", "--format", "pdf", "-q"]);
    expect(after.code, after.stderr).toBe(0);
    expect(sha(join(dir, "after/bg/statute.pdf"))).toBe(sha(join(dir, "alone/bg/statute.pdf")));
  });
});

// The same jobs rendered by the build thread and by worker threads, through the CLI, outputs on
// disk: Part B (the longest document, tables) and the 15 declarations, PDF and DOCX.
describe("render workers", () => {
  let dir: string;
  const workers: Record<"one" | "default", number> = { one: -1, default: -1 };
  const files = (out: string) => readdirSync(join(dir, out, "en")).filter((f) => /\.(pdf|docx)$/.test(f)).sort();
  beforeAll(() => {
    dir = copyExample("workers");
    for (const [out, env] of [["one", "1"], ["default", "2"]] as const) {
      const r = edih(["apply", "build", dir, "--out", join(dir, out), "--only", "part-b,declaration", "--lang", "en", "--json"], { env: { EDIH_WORKERS: env } });
      expect(r.code, r.stderr).toBe(0);
      workers[out] = (JSON.parse(r.stdout) as { renderWorkers: number }).renderWorkers;
    }
  });

  it("are none with EDIH_WORKERS=1 and two with EDIH_WORKERS=2 (16 jobs, below the default's threshold), as the report says", () => {
    // The report says who rendered, so a pool that quietly fell back to one thread would fail here.
    expect(workers.one).toBe(0);
    expect(workers.default).toBe(2);
  });

  it("give the same bytes as the build thread", () => {
    const one = files("one");
    expect(one).toHaveLength(2 * 16);
    expect(files("default")).toEqual(one);
    for (const f of one) {
      expect(readFileSync(join(dir, "one/en", f)).length, f).toBeGreaterThan(1000);
      expect(sha(join(dir, "default/en", f)), f).toBe(sha(join(dir, "one/en", f)));
    }
  });
});
