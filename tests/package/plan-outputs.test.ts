// The build plan as tables, like ESLint's RuleTester: manifest + disk state + wanted outputs in,
// one decision per output out. Pure and in-process: no rendering, no subprocess, no timing.
import { describe, expect, it } from "vitest";
import { isBlocking, planOutputs, type Decision } from "../../src/package/plan-outputs.js";
import { PLAN_TABLES, type PlanCase } from "./plan-tables.js";

describe("planOutputs", () => {
  it.each(PLAN_TABLES.map((c) => [c.name, c] as const))("%s", (_name, c: PlanCase) => {
    const decisions = planOutputs({ manifest: c.manifest, problem: c.problem, pending: c.pending ?? {} }, c.disk, c.inputs, c.options ?? {});
    expect(decisions.map((d) => `${d.path}: ${d.action}/${d.code}`)).toEqual(c.expected);
    if (c.reason) expect(decisions.map((d) => d.reason).join("\n")).toMatch(c.reason);
  });

  it("never names a path it was not given (the plan cannot reach outside out/)", () => {
    for (const c of PLAN_TABLES) {
      const given = new Set([...c.inputs.documents.map((d) => d.path), ...c.inputs.packages.map((p) => p.path), ...(c.manifest?.outputs.map((o) => o.path) ?? [])]);
      const decisions = planOutputs({ manifest: c.manifest, problem: c.problem, pending: c.pending ?? {} }, c.disk, c.inputs, c.options ?? {});
      for (const d of decisions) expect(given.has(d.path), `${c.name}: ${d.path}`).toBe(true);
    }
  });

  it("reports as errors only what a build leaves although it should rewrite it", () => {
    const d = (action: Decision["action"], code: Decision["code"]): Decision => ({ path: "x.pdf", action, code, reason: "" });
    expect(isBlocking(d("refuse", "unsafe"))).toBe(true);
    expect(isBlocking(d("keep", "edited"))).toBe(true);
    expect(isBlocking(d("keep", "unknown"))).toBe(true);
    expect(isBlocking(d("keep", "edited-current"))).toBe(false);
    expect(isBlocking(d("carry", "up-to-date"))).toBe(false);
  });
});

