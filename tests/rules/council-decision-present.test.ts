import rule from "../../src/rules/council-decision-present.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "number and date given" },
    // ЗМСМА governs Bulgarian municipalities only.
    { name: "a municipality seated abroad", patch: (a) => { a.partners[0].seat = { city: "Porto", nuts3: "PT11A" }; delete a.partners[0].council_decision; } },
    { name: "a municipality that is not a founder", patch: (a) => { a.partners[0].roles = ["associated-partner"]; delete a.partners[0].council_decision; } },
  ],
  invalid: [
    { name: "no decision", patch: (a) => { delete a.partners[0].council_decision; },
      errors: [{ messageId: "missing", data: { partner: "town" }, path: ["partners", 0], severity: "error" }] },
    { name: "number unknown in a draft: warning", patch: (a) => { a.partners[0].council_decision = { number: null, date: "2021-01-28" }; },
      errors: [{ messageId: "missingField", data: { partner: "town", field: "number" }, severity: "warning" }] },
    { name: "number unknown at submission: error", stage: "submission", patch: (a) => { a.partners[0].council_decision = { date: "2021-01-28" }; }, errors: [{ messageId: "missingField", severity: "error" }] },
    { name: "both missing", patch: (a) => { a.partners[0].council_decision = {}; }, errors: [{ messageId: "missingNumberAndDate", data: { partner: "town" } }] },
  ],
});
