import { z } from "zod";
import { COST_CATEGORIES } from "../schema/budget.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "budget-amounts",
    description: "No budget amount is negative.",
    defaultSeverity: "error",
    source: { text: "Eligible costs are costs actually incurred (Financial Regulation (EU, Euratom) 2018/1046, applied by Regulation (EU) 2021/694 recital 3); a negative cost has no meaning in the budget table", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    application.budget.lines.forEach((l, i) => {
      for (const c of COST_CATEGORIES) {
        if (l[c] < 0) report({ message: `Budget line ${i + 1} (${l.partner}): ${c} is negative (${l[c]})`, path: ["budget", "lines", i, c], hint: "write costs as positive amounts" });
      }
    });
  },
});
