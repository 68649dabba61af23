// The inputs hash that decides rebuilds (build) and staleness (status): what each document depends on.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { validateProject } from "../../src/validate/index.js";
import { changedParts, inputParts, inputsHash, templateFiles } from "../../src/package/inputs.js";
import { templateSearchPath } from "../../src/domain/install.js";
import { planJobs, type Job } from "../../src/model/jobs.js";
import type { Application } from "../../src/schema/index.js";

const EXAMPLE = join(import.meta.dirname, "../../examples/zagore");
const v = await validateProject(EXAMPLE);
const app = v.application!;
const pack = v.callPack!;
const jobs = planJobs(app, pack.documents, { langs: ["bg"] });
const dirs = templateSearchPath(EXAMPLE);

function hashes(a: Application, draftErrors: number | null = null): Map<string, string> {
  return new Map(jobs.map((j: Job) => [j.base, inputsHash(inputParts({ app: a, pack, draftErrors }, j, templateFiles(dirs, j.document, j.lang)!))]));
}
function changed(a: Application): string[] {
  const before = hashes(app);
  const after = hashes(a);
  return jobs.map((j) => j.base).filter((b) => before.get(b) !== after.get(b)).sort();
}
const partnerWithLine = app.budget.lines[0]!.partner;
const other = app.partners.find((p) => p.id !== partnerWithLine && !p.roles.includes("coordinator"))!.id;

describe("inputs hash", () => {
  it("is stable for the same data", () => {
    expect(hashes(app)).toEqual(hashes(structuredClone(app)));
  });

  it("a budget line re-renders that partner's letter, Part B and the budget table, nothing founding", () => {
    const a = structuredClone(app);
    a.budget.lines[0]!.personnel += 1000;
    expect(changed(a)).toEqual([`bg/budget-table`, `bg/commitment-letter-${partnerWithLine}`, `bg/part-b`].sort());
  });

  it("a partner's effort in a work package re-renders its letter and Part B only", () => {
    const a = structuredClone(app);
    const wp = a.work_packages.find((w) => Object.keys(w.effort).length > 0)!;
    const id = Object.keys(wp.effort)[0]!;
    wp.effort[id] = wp.effort[id]! + 1;
    expect(changed(a)).toEqual([`bg/commitment-letter-${id}`, "bg/part-b"]);
  });

  it("a partner's own field re-renders its declaration and letter and the shared documents, not other partners'", () => {
    const a = structuredClone(app);
    a.partners.find((p) => p.id === other)!.seat.address = "ул. Примерна 1";
    const c = changed(a);
    expect(c).toContain(`bg/declaration-${other}`);
    expect(c).toContain(`bg/commitment-letter-${other}`);
    expect(c).toContain("bg/statute");
    expect(c.filter((b) => /declaration|commitment-letter/.test(b) && !b.endsWith(other))).toEqual([]);
    expect(c).not.toContain("bg/budget-table");
  });

  it("the draft mark is an input of every output, and changedParts names it", () => {
    const clean = inputParts({ app, pack, draftErrors: null }, jobs[0]!, templateFiles(dirs, jobs[0]!.document, "bg")!);
    const draft = inputParts({ app, pack, draftErrors: 2 }, jobs[0]!, templateFiles(dirs, jobs[0]!.document, "bg")!);
    expect(inputsHash(clean)).not.toBe(inputsHash(draft));
    expect(changedParts(clean, draft)).toEqual(["now a draft"]);
    expect(changedParts({ ...clean, tool: "0.0.1" }, clean)).toEqual([`edih version 0.0.1 → ${clean.tool}`]);
    expect(changedParts(undefined, clean)).toEqual([]);
  });

  it("lists every template file a document reads, and none for an unknown document", () => {
    const t = templateFiles(dirs, "budget-table", "en")!;
    expect(Object.keys(t.files)).toContain("templates/budget-table/en.md.hbs");
    expect(Object.keys(t.files)).toContain("templates/_partials/budget-summary.md.hbs");
    expect(Object.keys(t.files)).toContain("templates/_labels/en.yaml");
    expect(templateFiles(dirs, "nonsense", "en")).toBeUndefined();
  });
});
