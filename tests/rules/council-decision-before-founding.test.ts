import rule from "../../src/rules/council-decision-before-founding.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "decision before founding" },
    { name: "same day", patch: (a) => { a.partners[0].council_decision!.date = "2021-03-30"; } },
    { name: "founding date unknown", patch: (a) => { a.hub.legal_entity.founded_on = null; } },
    { name: "list form: consent and approval both before founding", patch: (a) => { delete a.partners[0].council_decision;
      a.partners[0].council_decisions = [{ kind: "consent-in-principle", number: "1", date: "2021-01-28" }, { kind: "approval", number: "2", date: "2021-02-25" }]; } },
    { name: "list form: a decision of another kind may come after the founding", patch: (a) => {
      a.partners[0].council_decisions = [{ kind: "other", number: "9", date: "2021-06-01", approves: "membership fee" }]; } },
  ],
  invalid: [
    { name: "decision after founding", patch: (a) => { a.partners[0].council_decision!.date = "2021-04-02"; },
      errors: [{ messageId: "afterFounding", data: { partner: "town", date: "2021-04-02", founded: "2021-03-30" }, severity: "warning", path: ["partners", 0, "council_decision", "date"] }] },
    { name: "list form: the approval after the founding is named at its own entry", patch: (a) => { delete a.partners[0].council_decision;
      a.partners[0].council_decisions = [{ kind: "consent-in-principle", number: "1", date: "2021-01-28" }, { kind: "approval", number: "2", date: "2021-04-15" }]; },
      errors: [{ messageId: "afterFounding", data: { partner: "town", date: "2021-04-15", founded: "2021-03-30" }, path: ["partners", 0, "council_decisions", 1, "date"] }] },
    { name: "the founding meeting's date wins", patch: (a) => { a.hub.legal_entity.founding_meeting = { date: "2021-01-01" }; }, errors: [{ messageId: "afterFounding", data: { founded: "2021-01-01" } }] },
  ],
});
