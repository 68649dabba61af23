import rule from "../../src/rules/references-resolve.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "every reference resolves" }],
  invalid: [
    { name: "budget line with a typo", patch: (a) => { a.budget.lines[1].partner = "unii"; },
      errors: [{ messageId: "unknownPartner", data: { where: "Budget line 2", partner: "unii" }, path: ["budget", "lines", 1, "partner"], hint: 'did you mean "uni"?' }] },
    { name: "WP lead", patch: (a) => { a.work_packages[0].lead = "chambr"; }, errors: [{ messageId: "unknownPartner", data: { where: "WP1 lead", partner: "chambr" }, path: ["work_packages", 0, "lead"], hint: 'did you mean "chamber"?' }] },
    { name: "effort key", patch: (a) => { a.work_packages[1].effort = { uni: 1, nobody: 2 }; },
      errors: [{ messageId: "unknownPartner", data: { where: "WP2 effort", partner: "nobody" }, path: ["work_packages", 1, "effort", "nobody"], hint: /use the id of a partner/ }] },
    { name: "deliverable lead", patch: (a) => { a.work_packages[0].deliverables![0].lead = "firm2"; }, errors: [{ messageId: "unknownPartner", data: { where: "Deliverable D1.1 lead" }, path: ["work_packages", 0, "deliverables", 0, "lead"], hint: 'did you mean "firm"?' }] },
    { name: "service provider", patch: (a) => { a.services[1].providers = ["uni", "chamberr"]; }, errors: [{ messageId: "unknownPartner", data: { where: 'Service "skills"', partner: "chamberr" }, path: ["services", 1, "providers", 1] }] },
  ],
});
