import rule from "../../src/rules/legal-form-other-named.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "known forms" },
    { name: "other with a name", patch: (a) => { a.partners[3].legal_form = "other"; a.partners[3].legal_form_name = "GmbH"; } },
    { name: "the hub's entity: other with a name", patch: (a) => { a.hub.legal_entity.legal_form = "other"; a.hub.legal_entity.legal_form_name = { en: "recognised association" }; } },
  ],
  invalid: [
    { name: "other without a name", patch: (a) => { a.partners[3].legal_form = "other"; },
      errors: [{ messageId: "partner", data: { partner: "firm" }, path: ["partners", 3, "legal_form"] }] },
    { name: "the hub's entity: other without a name", patch: (a) => { a.hub.legal_entity.legal_form = "other"; },
      errors: [{ messageId: "hub", path: ["hub", "legal_entity", "legal_form"] }] },
  ],
});
