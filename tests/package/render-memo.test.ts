// What a thread rendered lately, by render key (src/package/render-memo.ts): bounded by bytes, least
// recently used out first, never handing out bytes a caller could change; and in a build, a file
// whose key this process laid out before comes back byte for byte as a fresh layout, with the
// slot stamps its manifest entry needs, unless the build asked for no reuse.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage, type BuildOptions } from "../../src/package/build.js";
import { renderMemoCounts } from "../../src/package/render-job.js";
import { RenderMemo } from "../../src/package/render-memo.js";
import { buildJson, copyExample, treeHashes } from "../e2e/build-helpers.js";

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe("RenderMemo", () => {
  it("answers a key it holds and counts what it was asked", () => {
    const memo = new RenderMemo(100);
    expect(memo.get("a")).toBeUndefined();
    memo.set("a", { bytes: bytes(10), pages: 3, slots: { summary: { docx: "d".repeat(64), narrative: null } } });
    const got = memo.get("a")!;
    expect(got.bytes).toEqual(bytes(10));
    expect(got.pages).toBe(3);
    expect(got.slots).toEqual({ summary: { docx: "d".repeat(64), narrative: null } });
    expect({ hits: memo.hits, misses: memo.misses }).toEqual({ hits: 1, misses: 1 });
  });

  it("keeps no more bytes than its budget, dropping the least recently used first", () => {
    const memo = new RenderMemo(100);
    memo.set("a", { bytes: bytes(40) });
    memo.set("b", { bytes: bytes(40) });
    memo.get("a"); // b is now the least recently used
    memo.set("c", { bytes: bytes(40) });
    expect(memo.size).toEqual({ files: 2, bytes: 80 });
    expect(memo.get("b")).toBeUndefined();
    expect(memo.get("a")).toBeDefined();
    expect(memo.get("c")).toBeDefined();
  });

  it("replaces a key set twice without counting its bytes twice", () => {
    const memo = new RenderMemo(100);
    memo.set("a", { bytes: bytes(40) });
    memo.set("a", { bytes: bytes(50, 2) });
    expect(memo.size).toEqual({ files: 1, bytes: 50 });
    expect(memo.get("a")!.bytes).toEqual(bytes(50, 2));
  });

  it("does not hold a file larger than the whole budget, and keeps what it held", () => {
    const memo = new RenderMemo(100);
    memo.set("a", { bytes: bytes(60) });
    memo.set("huge", { bytes: bytes(101) });
    expect(memo.get("huge")).toBeUndefined();
    expect(memo.size).toEqual({ files: 1, bytes: 60 });
  });

  it("hands out copies: changing the bytes given or got never changes the next answer", () => {
    const memo = new RenderMemo(100);
    const given = bytes(10);
    memo.set("a", { bytes: given });
    given.fill(9);
    const got = memo.get("a")!;
    got.bytes.fill(7);
    expect(memo.get("a")!.bytes).toEqual(bytes(10));
  });
});

describe("a build meeting files this process laid out before", () => {
  const SCOPE: BuildOptions = { langs: ["en"], only: ["part-b", "statute"] };
  const outputsOf = (out: string) =>
    (JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { outputs: unknown[] }).outputs;

  it("gives the same bytes and slot stamps as laying them out; with reuse off it lays every file out", async () => {
    const dir = copyExample("memo");
    const first = join(dir, "out");
    const firstBuild = await buildPackage(dir, SCOPE);
    expect(firstBuild.renderWorkers).toBe(0); // rendered in this thread, where the counts are read
    const files = firstBuild.written.length;
    expect(files).toBe(4);

    const before = renderMemoCounts();
    const again = await buildPackage(dir, { ...SCOPE, out: join(dir, "again") });
    expect(again.written.length).toBe(files);
    expect(renderMemoCounts().hits - before.hits).toBe(files);
    expect(treeHashes(join(dir, "again"))).toEqual(treeHashes(first));
    // The stamps `narrative pull` compares an edited Part B with came back with the bytes.
    expect(outputsOf(join(dir, "again"))).toEqual(outputsOf(first));
    expect(JSON.stringify(outputsOf(first))).toContain("\"slots\"");

    const mid = renderMemoCounts();
    await buildPackage(dir, { ...SCOPE, out: join(dir, "fresh"), reuse: false });
    expect(renderMemoCounts().hits).toBe(mid.hits);
    expect(treeHashes(join(dir, "fresh"))).toEqual(treeHashes(first));
  }, 300_000);

  it("apply build --no-reuse lays out again a stale file whose writers' input did not change", async () => {
    const dir = copyExample("memo-cli");
    await buildJson(dir, "--lang", "en", "--only", "statute");
    const partner = join(dir, "partners/m-s-hydraulic.yaml");
    const rename = (to: string) => writeFileSync(partner, readFileSync(partner, "utf8").replace(/^short_name: .*$/m, `short_name: ${to}`));
    rename("M+S Hydraulic 2");
    const off = await buildJson(dir, "--lang", "en", "--only", "statute", "--no-reuse");
    expect(off.code).toBe(0);
    expect(off.report.written.sort()).toEqual(["en/statute.docx", "en/statute.pdf"]);
    expect(off.report.reused).toEqual([]);
    // The same kind of edit without the flag: the statute does not print a short name, so both keep their bytes.
    rename("M+S Hydraulic 3");
    const on = await buildJson(dir, "--lang", "en", "--only", "statute");
    expect(on.report.reused.sort()).toEqual(["en/statute.docx", "en/statute.pdf"]);
  }, 300_000);
});
