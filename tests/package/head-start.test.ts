// The watch loop's head start: the PDFs of the documents being written go to the kept workers
// before the plan, and the plan's tasks take them only when they asked for exactly that.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, copyExample } from "../e2e/build-helpers.js";
import { takeEarly, type HeadStart } from "../../src/package/head-start.js";
import { sha256 } from "../../src/domain/hash.js";
import type { JobResult, RenderEnv } from "../../src/package/render-job.js";
import type { Job } from "../../src/model/jobs.js";
import type { Application } from "../../src/schema/index.js";
import type { CallPack } from "../../src/calls/index.js";
import type * as Build from "../../src/package/build.js";
import type * as Pool from "../../src/package/render-pool.js";
import type * as Parsed from "../../src/load/parsed-cache.js";

const dist = <T>(rel: string) => import(pathToFileURL(join(ROOT, "dist/src", rel)).href) as Promise<T>;

const job = { document: "part-b", lang: "en", base: "en/part-b" } as Job;
const env: RenderEnv = { app: {} as Application, pack: {} as CallPack, projectDir: "/app", templateDirs: ["/app/templates", "/edih/templates"], draft: null, narrative: [], reuse: true };
const bytes = new Uint8Array([1, 2, 3]);
const result: JobResult = { diagnostics: [], files: [{ format: "pdf", bytes, render: "key-1", pages: 3 }] };
const early = (r: Promise<JobResult> = Promise.resolve(result), e: RenderEnv = env): HeadStart => ({ env: e, pdfs: new Map([[job.base, r]]) });

describe("takeEarly", () => {
  it.each([
    { name: "the same job, PDF only, the same environment", task: { job, formats: ["pdf"] }, env, taken: true },
    { name: "another job", task: { job: { ...job, base: "bg/part-b", lang: "bg" }, formats: ["pdf"] }, env, taken: false },
    { name: "PDF and DOCX asked together", task: { job, formats: ["docx", "pdf"] }, env, taken: false },
    { name: "the DOCX", task: { job, formats: ["docx"] }, env, taken: false },
    { name: "other template folders", task: { job, formats: ["pdf"] }, env: { ...env, templateDirs: ["/edih/templates"] }, taken: false },
    { name: "other narrative files", task: { job, formats: ["pdf"] }, env: { ...env, narrative: [] }, taken: false },
    { name: "another draft mark", task: { job, formats: ["pdf"] }, env: { ...env, draft: { errors: 2 } }, taken: false },
    { name: "reuse turned off", task: { job, formats: ["pdf"] }, env: { ...env, reuse: false }, taken: false },
    { name: "an equal copy of the environment's lists", task: { job, formats: ["pdf"] }, env: { ...env, templateDirs: [...env.templateDirs] }, taken: true },
  ])("$name: taken $taken", async ({ task, env: asked, taken }) => {
    expect(await takeEarly(early(), task, asked)).toEqual(taken ? result : undefined);
  });

  it("is taken once", async () => {
    const e = early();
    expect(await takeEarly(e, { job, formats: ["pdf"] }, env)).toEqual(result);
    expect(await takeEarly(e, { job, formats: ["pdf"] }, env)).toBeUndefined();
  });

  it("leaves a failed render to the build", async () => {
    expect(await takeEarly(early(Promise.reject(new Error("worker died"))), { job, formats: ["pdf"] }, env)).toBeUndefined();
    expect(await takeEarly(undefined, { job, formats: ["pdf"] }, env)).toBeUndefined();
  });

  it("counts the file as reused when out/ holds the same bytes under the same render key", async () => {
    const offered = { format: "pdf" as const, file: "/app/out/en/part-b.pdf", render: "key-1", pages: 3 };
    const same = await takeEarly(early(), { job, formats: ["pdf"], reusable: [{ ...offered, sha256: sha256(bytes) }] }, env);
    expect(same?.files[0]?.reused).toBe(true);
    const edited = await takeEarly(early(), { job, formats: ["pdf"], reusable: [{ ...offered, sha256: sha256(new Uint8Array([9])) }] }, env);
    expect(edited?.files[0]?.reused).toBeUndefined();
    const otherKey = await takeEarly(early(), { job, formats: ["pdf"], reusable: [{ ...offered, render: "key-0", sha256: sha256(bytes) }] }, env);
    expect(otherKey?.files[0]?.reused).toBeUndefined();
  });
});

describe("a watch rebuild with a kept pool", () => {
  it("lays out Part B's PDFs before the plan, writes them as a build in this thread would, and renders nothing twice", async () => {
    const { buildPackage } = await dist<typeof Build>("package/build.js");
    const { openRenderPool } = await dist<typeof Pool>("package/render-pool.js");
    const { ParsedInputs } = await dist<typeof Parsed>("load/parsed-cache.js");
    const dir = copyExample("head-start");
    const saved = process.env.EDIH_WORKERS;
    process.env.EDIH_WORKERS = "2";
    const pool = openRenderPool()!;
    if (saved === undefined) delete process.env.EDIH_WORKERS;
    else process.env.EDIH_WORKERS = saved;
    // What the pool is asked: jobs begun early, and the tasks of each run.
    const early: string[] = [];
    const ran: string[] = [];
    const headStart = pool.headStart.bind(pool);
    pool.headStart = (tasks, e) => { early.push(...tasks.map((t) => `${t.job.base}.${t.formats.join("+")}`)); return headStart(tasks, e); };
    const run = pool.run.bind(pool);
    pool.run = (tasks, e, onDone) => { ran.push(...tasks.map((t) => `${t.job.base}.${t.formats.join("+")}`)); return run(tasks, e, onDone); };
    // Part B only: the documents with narrative files, and all this needs.
    const kept = { pool, parsedInputs: new ParsedInputs(), only: ["part-b"] };
    try {
      await buildPackage(dir, kept);
      const edih = join(dir, "edih.yaml");
      writeFileSync(edih, readFileSync(edih, "utf8").replace(/^(\s+target:) 300$/m, "$1 417"));
      early.length = 0;
      ran.length = 0;
      const firstPdfs: string[][] = [];
      const report = await buildPackage(dir, { ...kept, onPdfsWritten: (_ms, paths) => firstPdfs.push(paths) });
      expect(early.sort()).toEqual(["bg/part-b.pdf", "en/part-b.pdf"]);
      // Taken by the plan: the runs got Part B's DOCX only.
      expect(ran.sort()).toEqual(["bg/part-b.docx", "en/part-b.docx"]);
      expect(firstPdfs[0]?.sort()).toEqual(["bg/part-b.pdf", "en/part-b.pdf"]);
      const alone = await buildPackage(dir, { out: join(dir, "out-alone"), only: ["part-b"] });
      expect(alone.renderWorkers).toBe(0);
      for (const f of ["bg/part-b.pdf", "en/part-b.pdf", "bg/part-b.docx", "en/part-b.docx"]) {
        expect(readFileSync(join(dir, "out", f)).equals(readFileSync(join(dir, "out-alone", f))), f).toBe(true);
      }
      expect(report.written).toEqual(expect.arrayContaining(["bg/part-b.pdf", "en/part-b.pdf"]));

      // Nothing changed: the head start is dropped, the plan renders nothing.
      early.length = 0;
      ran.length = 0;
      const again = await buildPackage(dir, { ...kept, onPdfsWritten: () => undefined });
      expect(early.sort()).toEqual(["bg/part-b.pdf", "en/part-b.pdf"]);
      expect(ran).toEqual([]);
      expect(again.written).toEqual([]);
      // The pool is free for the next build.
      expect(pool.closed).toBe(false);
    } finally {
      await pool.close();
    }
  }, 600_000);
});
