import rule from "../../src/rules/workplan-ids-unique.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "distinct ids" }, { name: "deliverable and milestone may share a number", patch: (a) => { a.work_packages[0].milestones![0].id = "D1.1"; } }],
  invalid: [
    { name: "two WP1", patch: (a) => { a.work_packages[1].id = "WP1"; }, errors: [{ messageId: "duplicate", data: { kind: "Work package", id: "WP1", first: "work package 1", second: "work package 2" }, path: ["work_packages", 1, "id"] }] },
    { name: "a deliverable id in two WPs", patch: (a) => { a.work_packages[1].deliverables![0].id = "D1.1"; }, errors: [{ messageId: "duplicate", data: { kind: "Deliverable", id: "D1.1", first: "WP1", second: "WP2" } }] },
    { name: "milestones", patch: (a) => { a.work_packages[1].milestones = [{ id: "MS1", title: "x", month: 5 }]; }, errors: [{ messageId: "duplicate", data: { kind: "Milestone", id: "MS1" }, path: ["work_packages", 1, "milestones", 0, "id"] }] },
  ],
});
