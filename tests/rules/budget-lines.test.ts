import rule from "../../src/rules/budget-lines.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "no lines: content-complete's finding", patch: (a) => { a.budget.lines = []; } },
    { name: "one line per funded partner" },
  ],
  invalid: [
    { name: "two lines for one partner", patch: (a) => { a.budget.lines.push({ partner: "uni", travel: 1 }); },
      errors: [{ messageId: "duplicate", data: { first: 2, second: 4, partner: "uni" }, severity: "error" }] },
    { name: "a line for a founder only", patch: (a) => { a.budget.lines.push({ partner: "town", travel: 1 }); },
      errors: [{ messageId: "unfunded", data: { line: 4, partner: "town", roles: "founder" }, severity: "warning" }] },
    { name: "a beneficiary without a line", patch: (a) => { a.budget.lines = a.budget.lines.slice(0, 2); },
      errors: [{ messageId: "missing", data: { partner: "firm", roles: "beneficiary" }, path: ["partners", 3, "roles"] }] },
  ],
});
