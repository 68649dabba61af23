import rule from "../../src/rules/content-complete.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "work packages with deliverables, KPIs and budget lines" }, { name: "the same at submission", stage: "submission" }],
  invalid: [
    { name: "no work packages in a draft: warning", patch: (a) => { a.work_packages = []; },
      errors: [{ messageId: "noWorkPackages", path: ["work_packages"], severity: "warning" }] },
    { name: "no work packages at submission: error", stage: "submission", patch: (a) => { a.work_packages = []; }, errors: [{ messageId: "noWorkPackages", severity: "error" }] },
    { name: "a work package without deliverables", stage: "submission", patch: (a) => { a.work_packages[1]!.deliverables = []; },
      errors: [{ messageId: "noDeliverables", data: { wp: "WP2" }, path: ["work_packages", 1], severity: "error" }] },
    { name: "no KPIs at submission", stage: "submission", patch: (a) => { delete a.kpis; }, errors: [{ messageId: "noKpis", path: ["kpis"], severity: "error" }] },
    { name: "no budget lines at submission", stage: "submission", patch: (a) => { a.budget.lines = []; }, errors: [{ messageId: "noBudgetLines", severity: "error" }] },
  ],
});
