import { z } from "zod";
import { COST_CATEGORIES } from "../schema/budget.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "budget-amounts",
    description: "No budget amount is negative.",
    defaultSeverity: "error",
    source: { text: "none known — edih's own consistency check: a cost in the budget table is an amount spent, and a negative one has no meaning there", confirmed: true },
    messages: {
      negative: "Budget line {{line}} ({{partner}}): {{category}} is negative ({{amount}})",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    application.budget.lines.forEach((l, i) => {
      for (const c of COST_CATEGORIES) {
        if (l[c] < 0) report({ messageId: "negative", data: { line: i + 1, partner: l.partner, category: c, amount: l[c] }, path: ["budget", "lines", i, c], hint: "write costs as positive amounts" });
      }
    });
  },
});
