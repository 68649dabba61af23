import rule from "../../src/rules/council-decision-financial-commitment.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "commitment unknown (null) with costs", patch: (a) => { a.partners[0].council_decision!.financial_commitment = null; a.budget.lines.push({ partner: "town", personnel: 1000 }); } },
    { name: "no commitment and no budget line", patch: (a) => { a.partners[0].council_decision!.financial_commitment = 0; } },
    { name: "a commitment stated and costs", patch: (a) => { a.partners[0].council_decision!.financial_commitment = 40000; a.budget.lines.push({ partner: "town", personnel: 80000 }); } },
    { name: "list form: the approval fixes an amount the consent in principle excluded", patch: (a) => { delete a.partners[0].council_decision;
      a.partners[0].council_decisions = [{ kind: "consent-in-principle", date: "2021-01-28", financial_commitment: 0 }, { kind: "approval", date: "2021-02-25", financial_commitment: 16000 }];
      a.budget.lines.push({ partner: "town", personnel: 80000 }); } },
    { name: "no commitment, a budget line of zeros", patch: (a) => { a.partners[0].council_decision!.financial_commitment = 0; a.budget.lines.push({ partner: "town" }); } },
  ],
  invalid: [
    { name: "decision excludes a commitment, budget carries costs",
      patch: (a) => { a.partners[0].council_decision!.financial_commitment = 0; a.budget.lines.push({ partner: "town", personnel: 60000, travel: 5000, other_goods_and_services: 15000 }); },
      errors: [{ messageId: "excludedButCostsDated", data: { partner: "town", date: "2021-01-28", costs: 80000, currency: "EUR" },
        severity: "warning", path: ["partners", 0, "council_decision", "financial_commitment"] }] },
    { name: "list form: the latest decision speaking of money excludes it; reported at that entry",
      patch: (a) => { delete a.partners[0].council_decision;
        a.partners[0].council_decisions = [{ kind: "consent-in-principle", date: "2021-01-28", financial_commitment: 0 }, { kind: "approval", number: "2", date: "2021-02-25" }];
        a.budget.lines.push({ partner: "town", personnel: 1000 }); },
      errors: [{ messageId: "excludedButCostsDated", data: { partner: "town", date: "2021-01-28", costs: 1000, currency: "EUR" },
        path: ["partners", 0, "council_decisions", 0, "financial_commitment"] }] },
    { name: "a decision without a date",
      patch: (a) => { a.partners[0].council_decision = { number: "123", financial_commitment: 0 }; a.budget.lines.push({ partner: "town", travel: 100 }); },
      errors: [{ messageId: "excludedButCosts", data: { partner: "town", costs: 100, currency: "EUR" } }] },
  ],
});

import { describe, expect, it } from "vitest";
import { checkApplication } from "../../src/calls/check.js";
import { loadCallPack } from "../../src/calls/index.js";
import { zagoreCopy } from "../templates/national-fixture.js";

describe("council-decision-financial-commitment on the bundled example", () => {
  const run = async (patch?: (a: Awaited<ReturnType<typeof zagoreCopy>>) => void) => {
    const app = await zagoreCopy();
    patch?.(app);
    const { pack } = loadCallPack("BG-EDIH-PRESELECTION-2021");
    return checkApplication(app, { callPack: pack! }).filter((d) => d.ruleId === rule.meta.id);
  };
  it("fires on the example as it stood (decision of 28.01.2021: no financial commitment; EUR 80 000 of costs)", async () => {
    // As it stood: one decision, of 28.01.2021, read as excluding a commitment.
    const found = await run((a) => { a.partners.find((p) => p.id === "stara-zagora-municipality")!.council_decisions![0]!.financial_commitment = 0; });
    expect(found.map((d) => [d.messageId, d.data])).toEqual([["excludedButCostsDated", { partner: "stara-zagora-municipality", date: "2021-01-28", costs: 80000, currency: "EUR" }]]);
  });
  it("is quiet on the corrected example, which leaves the commitment for the consultant", async () => {
    expect(await run()).toEqual([]);
  });
});
