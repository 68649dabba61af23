import rule from "../../src/rules/content-complete.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "work packages with deliverables, KPIs and budget lines" }, { name: "the same at submission", stage: "submission" }],
  invalid: [
    { name: "no work packages in a draft: warning", patch: (a) => { a.work_packages = []; },
      errors: [{ message: "The application has no work packages; Part B's work plan would be empty", path: ["work_packages"], severity: "warning" }] },
    { name: "no work packages at submission: error", stage: "submission", patch: (a) => { a.work_packages = []; }, errors: [{ severity: "error" }] },
    { name: "a work package without deliverables", stage: "submission", patch: (a) => { a.work_packages[1]!.deliverables = []; },
      errors: [{ message: "Work package WP2 has no deliverables", path: ["work_packages", 1], severity: "error" }] },
    { name: "no KPIs at submission", stage: "submission", patch: (a) => { delete a.kpis; }, errors: [{ message: /no KPIs/, path: ["kpis"], severity: "error" }] },
    { name: "no budget lines at submission", stage: "submission", patch: (a) => { a.budget.lines = []; }, errors: [{ message: "The budget has no lines", severity: "error" }] },
  ],
});
