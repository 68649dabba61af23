import rule from "../../src/rules/workplan-months.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "inside the duration" }, { name: "deliverable in the WP's last month", patch: (a) => { a.work_packages[1].deliverables![0].month = 36; } }],
  invalid: [
    { name: "ends after the project", patch: (a) => { a.work_packages[0].end_month = 40; },
      errors: [{ messageId: "endsAfterProject", data: { wp: "WP1", month: 40, duration: 36 }, path: ["work_packages", 0, "end_month"] }] },
    { name: "month 0", patch: (a) => { a.work_packages[0].start_month = 0; a.work_packages[0].milestones![0].month = 1; }, errors: [{ messageId: "startsBeforeOne", data: { wp: "WP1", month: 0 } }] },
    { name: "start after end", patch: (a) => { a.work_packages[1].start_month = 20; a.work_packages[1].end_month = 10; }, errors: [{ messageId: "startsAfterEnd", data: { wp: "WP2", start: 20, end: 10 } }] },
    { name: "deliverable before its WP starts", patch: (a) => { a.work_packages[1].deliverables![0].month = 2; },
      errors: [{ messageId: "outside", data: { kind: "Deliverable", id: "D2.1", month: 2, wp: "WP2", start: 3, end: 36 }, path: ["work_packages", 1, "deliverables", 0, "month"] }] },
    { name: "milestone after the project", patch: (a) => { a.work_packages[0].milestones![0].month = 37; }, errors: [{ messageId: "outside", data: { kind: "Milestone", id: "MS1", month: 37 }, path: ["work_packages", 0, "milestones", 0, "month"] }] },
  ],
});
