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
      errors: [{ message: 'Partner "firm" has legal form "other" but no legal_form_name', path: ["partners", 3, "legal_form"] }] },
    { name: "the hub's entity: other without a name", patch: (a) => { a.hub.legal_entity.legal_form = "other"; },
      errors: [{ message: 'The hub\'s legal entity has legal form "other" but no legal_form_name', path: ["hub", "legal_entity", "legal_form"] }] },
  ],
});
