// The render pool in this process, from the built dist/ (worker threads need the compiled worker
// file): the same jobs rendered by this thread and by two worker threads give the same bytes.
// tests/package/render-pool.test.ts proves the same through the CLI, outputs on disk.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, EXAMPLE } from "../e2e/build-helpers.js";
import type { renderAll as RenderAll } from "../../src/package/render-pool.js";
import type { validateProject as ValidateProject } from "../../src/validate/index.js";
import type { planJobs as PlanJobs } from "../../src/model/jobs.js";
import type { templateSearchPath as TemplateSearchPath } from "../../src/domain/install.js";

const dist = <T>(rel: string) => import(pathToFileURL(join(ROOT, "dist/src", rel)).href) as Promise<T>;

describe("render pool", () => {
  it("renders the same bytes in this thread and in two worker threads", async () => {
    const { renderAll } = await dist<{ renderAll: typeof RenderAll }>("package/render-pool.js");
    const { validateProject } = await dist<{ validateProject: typeof ValidateProject }>("validate/index.js");
    const { planJobs } = await dist<{ planJobs: typeof PlanJobs }>("model/jobs.js");
    const { templateSearchPath } = await dist<{ templateSearchPath: typeof TemplateSearchPath }>("domain/install.js");
    const { readNarrative } = await dist<{ readNarrative: (dir: string) => { files: never[] } }>("narrative/load.js");
    const v = await validateProject(EXAMPLE);
    const app = v.application!;
    const pack = v.callPack!;
    const tasks = planJobs(app, pack.documents, { only: ["part-b", "declaration"], langs: ["en"] })
      .map((job) => ({ job, formats: ["pdf", "docx"] as ("pdf" | "docx")[] }));
    expect(tasks).toHaveLength(16);
    const env = { app, pack, projectDir: EXAMPLE, templateDirs: templateSearchPath(EXAMPLE), draft: null, narrative: readNarrative(EXAMPLE).files };
    const saved = process.env.EDIH_WORKERS;
    const run = async (workers: string) => {
      process.env.EDIH_WORKERS = workers;
      try {
        return await renderAll(tasks, env);
      } finally {
        if (saved === undefined) delete process.env.EDIH_WORKERS;
        else process.env.EDIH_WORKERS = saved;
      }
    };
    const one = await run("1");
    const two = await run("2");
    expect(one.workers).toBe(0);
    expect(two.workers).toBe(2);
    tasks.forEach((t, i) => {
      const a = one.results[i]!.files;
      const b = two.results[i]!.files;
      expect(b.map((f) => f.format), t.job.base).toEqual(a.map((f) => f.format));
      a.forEach((f, j) => expect(Buffer.from(b[j]!.bytes).equals(Buffer.from(f.bytes)), `${t.job.base}.${f.format}`).toBe(true));
      expect(one.results[i]!.files.every((f) => f.bytes.length > 1000)).toBe(true);
    });
  }, 600_000);
});
