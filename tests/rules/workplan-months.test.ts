import rule from "../../src/rules/workplan-months.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "inside the duration" }, { name: "deliverable in the WP's last month", patch: (a) => { a.work_packages[1].deliverables![0].month = 36; } }],
  invalid: [
    { name: "ends after the project", patch: (a) => { a.work_packages[0].end_month = 40; },
      errors: [{ message: "WP1 ends in month 40, after the project's 36 months", path: ["work_packages", 0, "end_month"] }] },
    { name: "month 0", patch: (a) => { a.work_packages[0].start_month = 0; a.work_packages[0].milestones![0].month = 1; }, errors: [{ message: /starts in month 0; months count from 1/ }] },
    { name: "start after end", patch: (a) => { a.work_packages[1].start_month = 20; a.work_packages[1].end_month = 10; }, errors: [{ message: "WP2 starts in month 20, after it ends (month 10)" }] },
    { name: "deliverable before its WP starts", patch: (a) => { a.work_packages[1].deliverables![0].month = 2; },
      errors: [{ message: "Deliverable D2.1 is due in month 2, outside WP2 (months 3–36)", path: ["work_packages", 1, "deliverables", 0, "month"] }] },
    { name: "milestone after the project", patch: (a) => { a.work_packages[0].milestones![0].month = 37; }, errors: [{ path: ["work_packages", 0, "milestones", 0, "month"] }] },
  ],
});
