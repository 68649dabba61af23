// The watch loop builds from the first change of a save and waits for the save to settle only
// before it writes: a rebuild whose inputs changed meanwhile writes nothing and is started again.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage } from "../../src/package/build.js";
import { FolderWatch, SETTLE_MS, START_QUIET_MS, SupersededError, rebuildTimes, timedRebuild } from "../../src/package/watch.js";
import { copyExample } from "../e2e/build-helpers.js";
import { tempDir } from "../temp.js";

const SCOPE = { only: ["part-b"], langs: ["en"], formats: ["pdf" as const] };

function nextChange(dir: string, out: string): { watch: FolderWatch; changed: Promise<number> } {
  let seen!: (at: number) => void;
  const changed = new Promise<number>((resolve) => { seen = resolve; });
  return { watch: new FolderWatch(dir, out, (at) => seen(at)), changed };
}

describe("FolderWatch", () => {
  it("says whether a change came after a given moment, once the folder has been quiet for the settle time", async () => {
    const dir = tempDir("folder-watch");
    const { watch, changed } = nextChange(dir, join(dir, "out"));
    try {
      // Recursive watches are set up asynchronously: keep saving until the first change is seen.
      const before = performance.now();
      let at: number | undefined;
      for (let i = 0; at === undefined && i < 100; i++) {
        writeFileSync(join(dir, "edih.yaml"), `save: ${i}\n`);
        at = await Promise.race([changed, new Promise<undefined>((r) => setTimeout(r, 100))]);
      }
      expect(at).toBeDefined();
      // A rebuild starts reading once the save's steps are over: a short quiet time after the last change.
      await watch.quiet(START_QUIET_MS);
      expect(performance.now() - at!).toBeGreaterThanOrEqual(START_QUIET_MS - 1);
      expect(await watch.quietSince(before)).toBe(false);
      // Returned only once the settle time had passed since that change.
      expect(performance.now() - at!).toBeGreaterThanOrEqual(SETTLE_MS - 1);
      expect(await watch.quietSince(performance.now())).toBe(true);
    } finally {
      watch.stop();
    }
  }, 120_000);

  it("ignores the output folder and hidden or temporary files", async () => {
    const dir = tempDir("folder-watch-ignore");
    const out = join(dir, "out");
    mkdirSync(out);
    const names: string[] = [];
    let marker!: () => void;
    const markerSeen = new Promise<void>((resolve) => { marker = resolve; });
    const watch = new FolderWatch(dir, out, (_at, name) => {
      names.push(name);
      if (name === "marker.yaml") marker();
    });
    try {
      // Once the marker's change is seen the watch is set up; then the ignored writes, then the marker again.
      let seen = false;
      void markerSeen.then(() => { seen = true; });
      for (let i = 0; !seen && i < 100; i++) {
        writeFileSync(join(dir, "marker.yaml"), `a: ${i}\n`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(seen).toBe(true);
      names.length = 0;
      writeFileSync(join(out, "part-b.pdf"), "%PDF");
      writeFileSync(join(dir, ".hidden.yaml"), "a: 1\n");
      writeFileSync(join(dir, "edih.yaml.tmp"), "a: 1\n");
      writeFileSync(join(dir, "edih.yaml~"), "a: 1\n");
      writeFileSync(join(dir, "partner.yaml"), "a: 1\n");
      for (let i = 0; !names.includes("partner.yaml") && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
      expect(new Set(names)).toEqual(new Set(["partner.yaml"]));
    } finally {
      watch.stop();
    }
  }, 120_000);
});

describe("a rebuild superseded before it writes", () => {
  it("writes nothing, keeps the last build's files and manifest, and leaves the folder unlocked", async () => {
    const dir = copyExample("superseded");
    await buildPackage(dir, SCOPE);
    const out = join(dir, "out");
    const files = () => readdirSync(out, { recursive: true }).map(String).sort().map((f) => [f, statSync(join(out, f)).isFile() ? readFileSync(join(out, f)).toString("base64") : "dir"]);
    const before = files();
    writeFileSync(join(dir, "narrative/part-b/summary.en.md"), `${readFileSync(join(dir, "narrative/part-b/summary.en.md"), "utf8")}\nHalf a sent`);
    let asked = 0;
    await expect(timedRebuild(performance.now(), (onPdfsWritten, settled) => buildPackage(dir, { ...SCOPE, onPdfsWritten, settled }),
      async () => { asked++; throw new SupersededError(); })).rejects.toBeInstanceOf(SupersededError);
    expect(asked).toBe(1);
    expect(files()).toEqual(before);
    // Started again once the save is complete: it builds, and its wait for the settle time is counted.
    const r = await timedRebuild(performance.now(), (onPdfsWritten, settled) => buildPackage(dir, { ...SCOPE, onPdfsWritten, settled }),
      () => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(r.report.written).toEqual(["en/part-b.pdf"]);
    expect(r.settleMs).toBeGreaterThanOrEqual(4);
  }, 300_000);

  it("a build stopped by invalid data asks too, before it reports: half a save is not an error to show", async () => {
    const dir = copyExample("superseded-invalid");
    writeFileSync(join(dir, "edih.yaml"), readFileSync(join(dir, "edih.yaml"), "utf8").slice(0, 200));
    let asked = 0;
    await expect(buildPackage(dir, { ...SCOPE, settled: async () => { asked++; throw new SupersededError(); } })).rejects.toBeInstanceOf(SupersededError);
    expect(asked).toBe(1);
    const settled = await buildPackage(dir, { ...SCOPE, settled: async () => { asked++; } });
    expect(asked).toBe(2);
    expect(settled.stopped).toBe(true);
  }, 300_000);

  it("an edit that reaches several documents writes the PDFs of the documents with narrative first", async () => {
    const dir = copyExample("watch-first");
    const scope = { only: ["part-b", "declaration"], langs: ["en"] };
    await buildPackage(dir, scope);
    const partner = join(dir, "partners/m-s-hydraulic.yaml");
    writeFileSync(partner, readFileSync(partner, "utf8").replace(/^short_name: .*$/m, "short_name: M+S Hydraulic 2"));
    const writes: string[][] = [];
    const r = await timedRebuild(performance.now(), (onPdfsWritten) => buildPackage(dir, { ...scope,
      onPdfsWritten: (ms, paths) => { writes.push([...paths].sort()); onPdfsWritten(ms, paths); } }));
    expect(writes[0]).toEqual(["en/part-b.pdf"]);
    // Then the partner's own declaration; other partners' are untouched.
    expect(writes[1]).toEqual(["en/declaration-m-s-hydraulic.pdf"]);
    expect(writes).toHaveLength(2);
    expect(r.firstPdfs?.sort()).toEqual(writes[0]);
    expect(r.pdfCount).toBe(2);
    expect(r.allPdfsMs).toBeGreaterThanOrEqual(r.pdfMs!);
    expect(rebuildTimes(r)).toMatch(/^1 PDF \(en\/part-b\.pdf\) written \d+ ms after the save \(settle \d+, validate \d+, plan \d+, PDF \d+, write \d+\), all 2 by \d+ ms; rebuilt in \d+ ms/);
  }, 300_000);
});

describe("FolderWatch, as soon as it is made", () => {
  it("sees a save made right after it starts, in the folder and below, and in folders made later", async () => {
    const dir = tempDir("folder-watch-now");
    mkdirSync(join(dir, "partners"));
    const names: string[] = [];
    const watch = new FolderWatch(dir, join(dir, "out"), (_at, name) => names.push(name));
    try {
      // No wait at all between starting to watch and saving.
      writeFileSync(join(dir, "edih.yaml"), "hub: {}\n");
      writeFileSync(join(dir, "partners", "a.yaml"), "id: a\n");
      const seen = (name: string) => names.includes(name);
      for (let i = 0; !(seen("edih.yaml") && seen(join("partners", "a.yaml"))) && i < 200; i++) await new Promise((r) => setTimeout(r, 25));
      expect(names).toContain("edih.yaml");
      expect(names).toContain(join("partners", "a.yaml"));
      // A folder made while watching (a new document's narrative) is watched too.
      mkdirSync(join(dir, "narrative", "part-b"), { recursive: true });
      for (let i = 0; !seen("narrative") && i < 200; i++) await new Promise((r) => setTimeout(r, 25));
      let n = 0;
      while (!seen(join("narrative", "part-b", "summary.en.md")) && n++ < 200) {
        writeFileSync(join(dir, "narrative", "part-b", "summary.en.md"), `Text ${n}.\n`);
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(names).toContain(join("narrative", "part-b", "summary.en.md"));
    } finally {
      watch.stop();
    }
  }, 120_000);
});
