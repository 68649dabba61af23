import { z } from "zod";
import { defineRule } from "./types.js";
import { isMunicipality } from "./lib/partners.js";
import { commitmentDecision, councilDecisions } from "../schema/council-decisions.js";

/** A budget line's direct costs; the rule only asks whether the founder carries any. */
const COST_KEYS = ["personnel", "subcontracting", "travel", "equipment", "other_goods_and_services"] as const;

export default defineRule({
  meta: {
    id: "council-decision-financial-commitment",
    description: "A municipality whose council decision excludes any financial commitment carries no costs in the budget (whose national share it would co-fund).",
    defaultSeverity: "warning",
    source: {
      text: "Закон за местното самоуправление и местната администрация, чл. 21, ал. 1, т. 15 and т. 23: the municipal council decides on the municipality's participation and on what it commits (as cited by Ruse council decision No 27/16.12.2019, which states the obligations taken on, https://obs.ruse-bg.eu/); EDIH grants cover 50 % of eligible costs and the Member State the rest (EU Funds Media, 20.06.2022), so a beneficiary's costs carry a co-funding share",
      confirmed: false,
    },
    messages: {
      excludedButCosts: "Municipality \"{{partner}}\": its council decision excludes a financial commitment, but the budget gives it {{costs}} {{currency}} of direct costs",
      excludedButCostsDated: "Municipality \"{{partner}}\": its council decision of {{date}} excludes a financial commitment, but the budget gives it {{costs}} {{currency}} of direct costs",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    application.partners.forEach((p, i) => {
      // The latest decision that says anything about money is what stands: 0 = it excludes a
      // financial commitment; none saying anything = not known (no claim to contradict).
      const cd = isMunicipality(p) ? commitmentDecision(councilDecisions(p, i)) : null;
      if (!cd || cd.financial_commitment !== 0) return;
      const line = application.budget.lines.find((l) => l.partner === p.id);
      const costs = line ? COST_KEYS.reduce((a, k) => a + line[k], 0) : 0;
      if (costs <= 0) return;
      report({
        ...(cd.date
          ? { messageId: "excludedButCostsDated" as const, data: { partner: p.id, date: cd.date, costs, currency: application.budget.currency } }
          : { messageId: "excludedButCosts" as const, data: { partner: p.id, costs, currency: application.budget.currency } }),
        path: [...cd.path, "financial_commitment"],
        hint: "cite the council decision that approves the municipality's share (financial_commitment: amount), or set it to null until the council decides",
      });
    });
  },
});
