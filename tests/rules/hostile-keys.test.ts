// Ids and tags come from user YAML and may be names of Object.prototype (`constructor`, `toString`,
// `__proto__`). Every lookup keyed by them must be an own-property lookup (Object.hasOwn or a Map):
// a partner called `constructor` is a partner like any other.
import { describe, expect, it } from "vitest";
import { loadCallPack } from "../../src/calls/index.js";
import { checkApplication } from "../../src/calls/check.js";
import { buildContext, documentInputs } from "../../src/model/index.js";
import { readCallPack } from "../model/load-example.js";
import { Application } from "../../src/schema/application.js";
import { baseApplication, type Fixture } from "./base.js";
import { buildApplication } from "./tester.js";

/** The base application with partner "firm" renamed everywhere. */
const renamed = (id: string) => (a: Fixture) => {
  const swap = (x: string) => (x === "firm" ? id : x);
  a.partners[3].id = id;
  a.budget.lines.forEach((l) => { l.partner = swap(l.partner); });
  a.services.forEach((s) => { s.providers = s.providers.map(swap); });
  a.work_packages.forEach((wp) => { wp.effort = Object.fromEntries(Object.entries(wp.effort ?? {}).map(([k, v]) => [swap(k), v])); });
};

const run = (patch: (a: Fixture) => void, call = "BG-EDIH-PRESELECTION-2021") =>
  checkApplication(buildApplication(patch), { callPack: loadCallPack(call).pack!, stage: "submission" });

describe("hostile keys", () => {
  it("the schema refuses `__proto__` and `toString` as partner ids (not kebab-case), with a clear message", () => {
    for (const id of ["__proto__", "toString"]) {
      const input = baseApplication();
      renamed(id)(input);
      const parsed = Application.safeParse(input);
      expect(parsed.success, id).toBe(false);
      expect(parsed.error!.issues.some((i) => i.path.join(".") === "partners.3.id" && /kebab-case/.test(i.message))).toBe(true);
    }
  });

  it("a partner called `constructor` passes every rule of both packs, like any other id", () => {
    for (const call of ["DIGITAL-2021-EDIH-01", "BG-EDIH-PRESELECTION-2021"]) {
      expect(run(renamed("constructor"), call).filter((d) => d.severity !== "info").map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    }
  });

  it("references to `constructor`, `tostring` and `valueof` that name no partner are reported", () => {
    const found = run((a) => {
      a.budget.lines[2].partner = "constructor";
      a.work_packages[0].effort = { chamber: 12, tostring: 1 };
      a.services[0].providers = ["valueof"];
    }).filter((d) => d.ruleId === "references-resolve");
    expect(found.map((d) => d.data?.partner)).toEqual(["constructor", "tostring", "valueof"]);
  });

  it("a partner `constructor` with no effort entry has 0 person-months, not Object's constructor", async () => {
    const app = buildApplication((a) => {
      renamed("constructor")(a);
      a.work_packages.forEach((wp) => { wp.effort = Object.fromEntries(Object.entries(wp.effort ?? {}).filter(([k]) => k !== "constructor")); });
      a.hub.technologies = ["ai", "constructor"];
      a.hub.target_groups = ["sme", "tostring"];
    });
    expect(Object.hasOwn(app.work_packages[0]!.effort, "constructor")).toBe(false);
    const ctx = buildContext(app, { callPack: await readCallPack("DIGITAL-2021-EDIH-01"), lang: "en" });
    const p = ctx.partners.find((x) => x.id === "constructor")!;
    expect(p.effort_total).toBe(0);
    expect(ctx.effort.rows.map((r) => r.id)).not.toContain("constructor");
    expect(documentInputs(app, "commitment-letter", "constructor").effort).toEqual([0, 0]);
    expect(JSON.stringify(ctx)).not.toMatch(/function|\[native code\]|NaN/);
  });
});
