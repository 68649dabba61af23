import { z } from "zod";
import { COST_CATEGORIES } from "../schema/budget.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "budget-amounts",
    description: "No budget amount is negative.",
    defaultSeverity: "error",
    source: { text: "Eligible costs are amounts spent; a negative cost has no meaning in the DEP budget table (research note §1.4)", confirmed: true },
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
