import { mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pruneBuildCache } from "../../src/domain/app-cache.js";
import { tempDir } from "../temp.js";

function cacheWith(folders: Record<string, number>): string {
  const cache = tempDir("app-cache");
  for (const [name, files] of Object.entries(folders)) {
    mkdirSync(join(cache, name), { recursive: true });
    for (let i = 0; i < files; i++) {
      const f = join(cache, name, `${i}.json`);
      writeFileSync(f, "{}");
      // Entry i is i minutes old: the higher, the older.
      const t = new Date(Date.now() - i * 60_000);
      utimesSync(f, t, t);
    }
  }
  return cache;
}

describe("pruneBuildCache", () => {
  it("drops the other builds' folders of its kind only, and only when asked", () => {
    const cache = cacheWith({ "md-new": 1, "md-old": 1, "yaml-old": 1 });
    pruneBuildCache(join(cache, "md-new"), 10, false);
    expect(readdirSync(cache).sort()).toEqual(["md-new", "md-old", "yaml-old"]);
    pruneBuildCache(join(cache, "md-new"), 10, true);
    expect(readdirSync(cache).sort()).toEqual(["md-new", "yaml-old"]);
  });

  it("keeps the newest entries up to the limit", () => {
    const cache = cacheWith({ "yaml-now": 5 });
    pruneBuildCache(join(cache, "yaml-now"), 3, false);
    expect(readdirSync(join(cache, "yaml-now")).sort()).toEqual(["0.json", "1.json", "2.json"]);
  });

  it("does nothing for a folder not made yet", () => {
    const cache = cacheWith({ "md-old": 1 });
    pruneBuildCache(join(cache, "md-now"), 3, false);
    expect(readdirSync(cache)).toEqual(["md-old"]);
  });
});
