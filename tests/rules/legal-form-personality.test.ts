import rule from "../../src/rules/legal-form-personality.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "legal persons" },
    { name: "a ДЗЗД as associated partner", patch: (a) => { a.partners[3].legal_form = "ДЗЗД"; a.partners[3].roles = ["associated-partner"]; } },
    { name: "a sole trader founder (natural person)", patch: (a) => { a.partners[3].legal_form = "et"; } },
  ],
  invalid: [
    { name: "a ДЗЗД founder", patch: (a) => { a.partners[3].legal_form = "dzzd"; },
      errors: [{ messageId: "noPersonality", data: { partner: "firm", abbr: "ДЗЗД", roles: "founder/beneficiary" }, severity: "warning", path: ["partners", 3, "legal_form"] }] },
    { name: "a foreign branch beneficiary", patch: (a) => { a.partners[3].legal_form = "foreign-branch"; a.partners[3].roles = ["beneficiary"]; }, errors: [{ messageId: "noPersonality", data: { form: "branch of a foreign trader", roles: "beneficiary" } }] },
  ],
});
