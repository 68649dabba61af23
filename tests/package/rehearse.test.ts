// Before the watch loop waits for the first save, every worker of its pool lays out the documents
// the consultant writes in, from the built dist/ (worker threads need the compiled worker file):
// each worker renders each of them, and nothing is written anywhere.
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, copyExample, treeHashes } from "../e2e/build-helpers.js";
import type * as Rehearse from "../../src/package/rehearse.js";
import type * as Pool from "../../src/package/render-pool.js";

const dist = <T>(rel: string) => import(pathToFileURL(join(ROOT, "dist/src", rel)).href) as Promise<T>;

describe("rehearsing the documents the consultant writes in", () => {
  it("has every worker lay out Part B in both languages, writing nothing; nothing to do for other documents or invalid data", async () => {
    const { rehearseWrittenDocuments } = await dist<typeof Rehearse>("package/rehearse.js");
    const { openRenderPool } = await dist<typeof Pool>("package/render-pool.js");
    const dir = copyExample("rehearse");
    const saved = process.env.EDIH_WORKERS;
    process.env.EDIH_WORKERS = "2";
    const pool = openRenderPool()!;
    if (saved === undefined) delete process.env.EDIH_WORKERS;
    else process.env.EDIH_WORKERS = saved;
    try {
      const before = treeHashes(dir);
      // The example has narrative files for Part B only: its two languages, in each of the two workers.
      expect(await rehearseWrittenDocuments(dir, { pool })).toEqual([2, 2]);
      expect(await rehearseWrittenDocuments(dir, { pool, langs: ["en"] })).toEqual([1, 1]);
      expect(await rehearseWrittenDocuments(dir, { pool, only: ["statute"] })).toEqual([]);
      expect(treeHashes(dir)).toEqual(before);
      // Data that does not build: nothing is laid out (the build reports it).
      const edih = join(dir, "edih.yaml");
      writeFileSync(edih, readFileSync(edih, "utf8").replace(/^call: .*$/m, "call: 42"));
      expect(await rehearseWrittenDocuments(dir, { pool })).toEqual([]);
      // The pool is free again for the builds that follow.
      expect(pool.closed).toBe(false);
    } finally {
      await pool.close();
    }
  }, 600_000);
});

describe("the build thread's rehearsal", () => {
  it("parses the main file once and hashes the manifest's outputs, writing nothing", async () => {
    const { buildPackage } = await import("../../src/package/build.js");
    const { rehearseParsing, hashOutputs } = await import("../../src/package/rehearse.js");
    const dir = copyExample("rehearse-thread");
    const out = join(dir, "out");
    // Nothing built yet: no manifest, nothing to hash.
    expect(hashOutputs(out)).toBe(0);
    await buildPackage(dir, { only: ["statute"], langs: ["en"] });
    const before = treeHashes(dir);
    expect(rehearseParsing(dir)).toBe(true);
    expect(hashOutputs(out)).toBe(2);
    expect(treeHashes(dir)).toEqual(before);
    expect(rehearseParsing(join(dir, "narrative"))).toBe(false);
  }, 300_000);
});
