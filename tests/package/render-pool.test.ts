import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyExample, edihProcess as edih } from "../e2e/build-helpers.js";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const pdfs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort();

// Rendering shares decoded font tables between documents and may run in worker threads: neither
// may change a single byte of what a document renders to on its own.
describe("rendering is independent of what else the process renders", () => {
  it("a PDF rendered after other documents equals the same PDF rendered alone", () => {
    const dir = copyExample("fonts");
    const alone = edih(["apply", "build", dir, "--out", join(dir, "alone"), "--only", "statute", "--lang", "bg", "--format", "pdf", "-q"]);
    expect(alone.code).toBe(0);
    const after = edih(["apply", "build", dir, "--out", join(dir, "after"), "--only", "council-decision,cooperation-agreement,statute",
      "--lang", "bg", "--format", "pdf", "-q"]);
    expect(after.code).toBe(0);
    expect(sha(join(dir, "after/bg/statute.pdf"))).toBe(sha(join(dir, "alone/bg/statute.pdf")));
  });

  // Two workers by EDIH_WORKERS: tests/package/render-threads.test.ts (same bytes as this thread);
  // on a 2-core machine the default below is two workers as well.
  it("render workers (the default) give the same bytes as one thread", () => {
    const dir = copyExample("workers");
    const args = (out: string) => ["apply", "build", dir, "--out", join(dir, out), "--only", "declaration", "--lang", "en", "--format", "pdf", "--json"];
    const run = (out: string, workers: string | undefined) => {
      const r = edih(args(out), { env: { EDIH_WORKERS: workers } });
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { renderWorkers: number }).renderWorkers;
    };
    // The report says who rendered, so a pool that quietly fell back to one thread would fail here.
    expect(run("one", "1")).toBe(0);
    // By default every core renders, two included (15 jobs: up to 4 workers).
    const cores = availableParallelism();
    expect(run("default", undefined as never)).toBe(cores >= 2 ? Math.min(cores, 4) : 0);
    for (const f of pdfs(join(dir, "default/en"))) expect(sha(join(dir, "default/en", f)), f).toBe(sha(join(dir, "one/en", f)));
    const one = pdfs(join(dir, "one/en"));
    expect(one.length).toBe(15);
    expect(pdfs(join(dir, "default/en"))).toEqual(one);
  });
});
