import rule from "../../src/rules/budget-amounts.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "positive amounts" }, { name: "zeros", patch: (a) => { a.budget.lines[0].travel = 0; } }],
  invalid: [
    { name: "negative travel", patch: (a) => { a.budget.lines[0].travel = -5; },
      errors: [{ messageId: "negative", data: { line: 1, partner: "chamber", category: "travel", amount: -5 }, path: ["budget", "lines", 0, "travel"] }] },
    { name: "two negatives", patch: (a) => { a.budget.lines[1].personnel = -1; a.budget.lines[2].equipment = -2; }, errors: [{ messageId: "negative", path: ["budget", "lines", 1, "personnel"] }, { messageId: "negative", path: ["budget", "lines", 2, "equipment"] }] },
  ],
});
