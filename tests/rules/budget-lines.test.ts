import rule from "../../src/rules/budget-lines.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "no lines: content-complete's finding", patch: (a) => { a.budget.lines = []; } },
    { name: "one line per funded partner" },
  ],
  invalid: [
    { name: "two lines for one partner", patch: (a) => { a.budget.lines.push({ partner: "uni", travel: 1 }); },
      errors: [{ message: 'Budget lines 2 and 4 are both for "uni"', severity: "error" }] },
    { name: "a line for a founder only", patch: (a) => { a.budget.lines.push({ partner: "town", travel: 1 }); },
      errors: [{ message: /is for "town", whose roles \(founder\) receive no funding/, severity: "warning" }] },
    { name: "a beneficiary without a line", patch: (a) => { a.budget.lines = a.budget.lines.slice(0, 2); },
      errors: [{ message: 'Partner "firm" is a beneficiary but has no budget line', path: ["partners", 3, "roles"] }] },
  ],
});
