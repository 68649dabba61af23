// The render pool `apply build --watch` keeps open between rebuilds, from the built dist/ (worker
// threads need the compiled worker file): each build hands the workers its own data, so a rebuild
// after an edit renders the edited data, with the same bytes as a build in this thread.
import { spawnSync } from "../spawn.js";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, copyExample } from "../e2e/build-helpers.js";
import { tempDir } from "../temp.js";
import type * as Build from "../../src/package/build.js";
import type * as Pool from "../../src/package/render-pool.js";
import type * as Parsed from "../../src/load/parsed-cache.js";

const dist = <T>(rel: string) => import(pathToFileURL(join(ROOT, "dist/src", rel)).href) as Promise<T>;

describe("a render pool kept between builds", () => {
  it("renders each build's own data, with the bytes of a build in this thread", async () => {
    const { buildPackage } = await dist<typeof Build>("package/build.js");
    const { openRenderPool, RenderPool } = await dist<typeof Pool>("package/render-pool.js");
    const { ParsedInputs } = await dist<typeof Parsed>("load/parsed-cache.js");
    const dir = copyExample("pool");
    const saved = process.env.EDIH_WORKERS;
    process.env.EDIH_WORKERS = "2";
    const pool = openRenderPool();
    if (saved === undefined) delete process.env.EDIH_WORKERS;
    else process.env.EDIH_WORKERS = saved;
    expect(pool).toBeInstanceOf(RenderPool);
    const kept = { pool: pool!, parsedInputs: new ParsedInputs() };
    const files = ["bg/part-b.pdf", "en/part-b.pdf"];
    const opts = { only: ["part-b"], formats: ["pdf" as const] };
    const read = (out: string) => files.map((f) => readFileSync(join(dir, out, f)));
    try {
      await pool!.warm(["bg", "en"]);
      const edih = join(dir, "edih.yaml");
      const original = readFileSync(edih, "utf8");
      for (const target of [300, 417]) {
        writeFileSync(edih, original.replace(/^(\s+target:) 300$/m, `$1 ${target}`));
        const pooled = await buildPackage(dir, { ...opts, ...kept, out: join(dir, "out-pool") });
        expect(pooled.renderWorkers, `target ${target}`).toBe(2);
        expect([...pooled.written].sort()).toEqual(files);
        const alone = await buildPackage(dir, { ...opts, out: join(dir, `out-alone-${target}`) });
        expect(alone.renderWorkers).toBe(0);
        const [a, b] = [read("out-pool"), read(`out-alone-${target}`)];
        files.forEach((f, i) => expect(a[i]!.equals(b[i]!), `${f} after target ${target}`).toBe(true));
      }
      // The two targets lay out differently, so equal bytes above mean the workers rendered each build's data.
      expect(read("out-alone-300")[1]!.equals(read("out-alone-417")[1]!)).toBe(false);
    } finally {
      await pool!.close();
    }
    // A closed pool is not used: the next build renders in this thread.
    const after = await buildPackage(dir, { ...opts, ...kept, out: join(dir, "out-after"), force: true });
    expect(after.renderWorkers).toBe(0);
    expect(after.written.length).toBe(2);
  }, 600_000);

  it("keeps a process alive while it warms up, and not once it is idle", () => {
    // A script that opens a pool, warms it and ends without closing it: it must print, then exit by itself.
    const script = `const { openRenderPool } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "dist/src/package/render-pool.js")).href)});
      const pool = openRenderPool(); await pool.warm(["bg", "en"]); console.log(pool.size + " warmed");`;
    const file = join(tempDir("pool-exit"), "warm.mjs");
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8", env: { ...process.env, EDIH_WORKERS: "2" }, timeout: 300_000 });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe("2 warmed");
  }, 600_000);
});
