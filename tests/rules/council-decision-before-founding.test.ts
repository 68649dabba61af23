import rule from "../../src/rules/council-decision-before-founding.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "decision before founding" },
    { name: "same day", patch: (a) => { a.partners[0].council_decision!.date = "2021-03-30"; } },
    { name: "founding date unknown", patch: (a) => { a.hub.legal_entity.founded_on = null; } },
  ],
  invalid: [
    { name: "decision after founding", patch: (a) => { a.partners[0].council_decision!.date = "2021-04-02"; },
      errors: [{ messageId: "afterFounding", data: { partner: "town", date: "2021-04-02", founded: "2021-03-30" }, severity: "warning", path: ["partners", 0, "council_decision", "date"] }] },
    { name: "the founding meeting's date wins", patch: (a) => { a.hub.legal_entity.founding_meeting = { date: "2021-01-01" }; }, errors: [{ messageId: "afterFounding", data: { founded: "2021-01-01" } }] },
  ],
});
