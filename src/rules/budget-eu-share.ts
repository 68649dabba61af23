import { z } from "zod";
import { defineRule } from "./types.js";
import { computeBudget } from "../domain/budget.js";

export default defineRule({
  meta: {
    id: "budget-eu-share",
    description: "The call's EU funding rate is at most the allowed share of eligible costs (50 %), and the national co-funding it leaves is not negative.",
    defaultSeverity: "error",
    source: { text: "EDIH funding model, EU grant 50 % of eligible costs and the Member State the rest: EU Funds Media, 20.06.2022 (the four Bulgarian hubs, https://eufunds.media/2022/06/20/chetiri-balgarski-haba-s-finansirane-po-programa-tsifrova-evropa/) and the Italian pre-selection summary (management-advisor.eu, read 11.2025); the call document DIGITAL-2021-EDIH-01 (17.11.2021) was not consulted", confirmed: false },
    facts: ["eu_funding_rate", "indirect_rate"],
    messages: {
      rateAboveShare: "The call pack's EU funding rate {{rate}} exceeds the allowed share {{max}}",
      negativeNational: "The national co-funding {{amount}} is negative",
    },
  },
  options: z.strictObject({ max_share: z.number().positive().max(1).default(0.5) }),
  check({ application, callPack }, o, report) {
    const rate = callPack.rates.eu_funding;
    // The rate is the only way the EU contribution can exceed the share: src/model/budget.ts rounds
    // each line's EU share down to the cent, so the total stays within rate × eligible costs to
    // the cent (tests/rules/budget-eu-share.test.ts checks that bound), and comparing totals would be dead code.
    if (rate > o.max_share) {
      report({ messageId: "rateAboveShare", data: { rate, max: o.max_share }, path: ["call"], hint: "check the call pack's eu_funding_rate fact" });
      return;
    }
    const { totals } = computeBudget(application.budget, callPack.rates);
    // Only negative costs (budget-amounts' finding) make the national share negative.
    if (totals.national < 0) {
      report({ messageId: "negativeNational", data: { amount: totals.national }, path: ["budget"] });
    }
  },
});
