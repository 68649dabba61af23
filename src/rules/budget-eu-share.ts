import { z } from "zod";
import { defineRule } from "./types.js";
import { computeBudget } from "../domain/budget.js";

export default defineRule({
  meta: {
    id: "budget-eu-share",
    description: "The EU contribution computed from the call's funding rate is at most the allowed share of eligible costs (50 %).",
    defaultSeverity: "error",
    source: { text: "EDIH funding model, EU grant 50 % of eligible costs and the Member State the rest: EU Funds Media, 20.06.2022 (the four Bulgarian hubs) and the Italian pre-selection summary (management-advisor.eu); the call document DIGITAL-2021-EDIH-01 (17.11.2021) was not consulted", confirmed: false },
    facts: ["eu_funding_rate", "indirect_rate"],
  },
  options: z.strictObject({ max_share: z.number().positive().max(1).default(0.5) }),
  check({ application, callPack }, o, report) {
    const rate = callPack.rates.eu_funding;
    if (rate > o.max_share) {
      report({ message: `The call pack's EU funding rate ${rate} exceeds the allowed share ${o.max_share}`, path: ["call"], hint: "check the call pack's eu_funding_rate fact" });
      return;
    }
    const { totals } = computeBudget(application.budget, callPack.rates);
    if (totals.eligible > 0 && totals.eu > o.max_share * totals.eligible + 0.005) {
      report({ message: `The EU contribution ${totals.eu} is ${(100 * totals.eu / totals.eligible).toFixed(2)} % of eligible costs ${totals.eligible}, above ${100 * o.max_share} %`, path: ["budget"] });
    }
    if (totals.national < 0) {
      report({ message: `The national co-funding ${totals.national} is negative`, path: ["budget"] });
    }
  },
});
