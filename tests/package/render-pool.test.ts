import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyExample, edihProcess as edih, startEdih } from "../e2e/build-helpers.js";

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

  it("render workers (two, and the default) give the same bytes as one thread", () => {
    const dir = copyExample("workers");
    const args = (out: string) => ["apply", "build", dir, "--out", join(dir, out), "--only", "declaration", "--lang", "en", "--format", "pdf", "--json"];
    const run = (out: string, workers: string | undefined) => {
      const r = edih(args(out), { env: { EDIH_WORKERS: workers } });
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { renderWorkers: number }).renderWorkers;
    };
    // The report says who rendered, so a pool that quietly fell back to one thread would fail here.
    expect(run("one", "1")).toBe(0);
    expect(run("two", "2")).toBe(2);
    // By default every core renders, two included (15 jobs: up to 4 workers).
    const cores = availableParallelism();
    expect(run("default", undefined as never)).toBe(cores >= 2 ? Math.min(cores, 4) : 0);
    for (const f of pdfs(join(dir, "default/en"))) expect(sha(join(dir, "default/en", f)), f).toBe(sha(join(dir, "one/en", f)));
    const one = pdfs(join(dir, "one/en"));
    expect(one.length).toBe(15);
    expect(pdfs(join(dir, "two/en"))).toEqual(one);
    for (const f of one) expect(sha(join(dir, "two/en", f)), f).toBe(sha(join(dir, "one/en", f)));
  });
});

describe("the watch loop renders warm, with the bytes of a cold build", () => {
  it("rebuilds Part B after an edit in the same process, prints each rebuild's time, and matches a fresh build", async () => {
    const dir = copyExample("warm");
    const only = ["--only", "part-b", "--lang", "bg", "--format", "pdf"];
    const w = startEdih(["apply", "build", dir, "--out", join(dir, "warm"), "--watch", "--verbose", ...only]);
    try {
      await w.waitFor((o) => /watching .* for changes/.test(o.stderr));
      const app = join(dir, "edih.yaml");
      const text = readFileSync(app, "utf8");
      for (const [i, word] of ["first", "second"].entries()) {
        writeFileSync(app, text.replace("of fifteen public, academic and", `of fifteen ${word} public, academic and`));
        await w.waitFor((o) => (o.stderr.match(/rebuilt in \d+ ms/g) ?? []).length >= i + 1);
      }
      w.child.kill("SIGINT");
      expect(await w.exited).toBe(0);
    } finally {
      if (w.child.exitCode === null) w.child.kill("SIGKILL");
    }
    const cold = edih(["apply", "build", dir, "--out", join(dir, "cold"), ...only, "-q"]);
    expect(cold.code).toBe(0);
    expect(sha(join(dir, "warm/bg/part-b.pdf"))).toBe(sha(join(dir, "cold/bg/part-b.pdf")));
  });
});
