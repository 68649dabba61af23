import rule from "../../src/rules/council-decision-present.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "number and date given" },
    // ЗМСМА governs Bulgarian municipalities only.
    { name: "a municipality seated abroad", patch: (a) => { a.partners[0].seat = { city: "Porto", nuts3: "PT11A" }; delete a.partners[0].council_decision; } },
    { name: "list form: consent in principle, then the approval", call: "BG-EDIH-PRESELECTION-2021", patch: (a) => { delete a.partners[0].council_decision;
      a.partners[0].council_decisions = [{ kind: "consent-in-principle", number: "1", date: "2021-01-28" }, { kind: "approval", number: "2", date: "2021-02-25" }]; } },
    { name: "the single form is an approval unless its kind says otherwise", call: "BG-EDIH-PRESELECTION-2021" },
    { name: "only a consent in principle, under a pack without the agreement or the council decision", patch: (a) => {
      a.partners[0].council_decision = { kind: "consent-in-principle", number: "1", date: "2021-01-28" }; } },
    { name: "a municipality that is not a founder", patch: (a) => { a.partners[0].roles = ["associated-partner"]; delete a.partners[0].council_decision; } },
  ],
  invalid: [
    { name: "no decision", patch: (a) => { delete a.partners[0].council_decision; },
      errors: [{ messageId: "missing", data: { partner: "town" }, path: ["partners", 0], severity: "error" }] },
    { name: "number unknown in a draft: warning", patch: (a) => { a.partners[0].council_decision = { number: null, date: "2021-01-28" }; },
      errors: [{ messageId: "missingField", data: { partner: "town", field: "number" }, severity: "warning" }] },
    { name: "number unknown at submission: error", stage: "submission", patch: (a) => { a.partners[0].council_decision = { date: "2021-01-28" }; }, errors: [{ messageId: "missingField", severity: "error" }] },
    { name: "both missing", patch: (a) => { a.partners[0].council_decision = {}; }, errors: [{ messageId: "missingNumberAndDate", data: { partner: "town" } }] },
    { name: "list form: each decision lacking its number is named with its kind and date", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { delete a.partners[0].council_decision;
        a.partners[0].council_decisions = [{ kind: "consent-in-principle", date: "2021-01-28" }, { kind: "approval", number: null, date: null }]; },
      errors: [
        { messageId: "entryMissingNumber", data: { partner: "town", kind: "consent-in-principle", date: "2021-01-28" }, path: ["partners", 0, "council_decisions", 0], severity: "warning" },
        { messageId: "entryMissingNumberAndDate", data: { partner: "town", kind: "approval" }, path: ["partners", 0, "council_decisions", 1] },
      ] },
    { name: "list form: a decision with its number but no date", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { delete a.partners[0].council_decision;
        a.partners[0].council_decisions = [{ kind: "approval", number: "7", date: null }]; },
      errors: [{ messageId: "entryMissingDate", data: { partner: "town", kind: "approval" }, path: ["partners", 0, "council_decisions", 0] }] },
    { name: "only a consent in principle, while the agreement and the council decision present an approval", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => { delete a.partners[0].council_decision;
        a.partners[0].council_decisions = [{ kind: "consent-in-principle", number: "1", date: "2021-01-28" }]; },
      errors: [{ messageId: "noApproval", data: { partner: "town", documents: "council-decision, cooperation-agreement", decisions: "consent-in-principle (2021-01-28)" },
        path: ["partners", 0, "council_decisions", 0], severity: "error", hint: /kind: approval/ }] },
  ],
});
