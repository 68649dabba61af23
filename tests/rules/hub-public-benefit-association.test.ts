import rule from "../../src/rules/hub-public-benefit-association.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "public-benefit association" }, { name: "alias СНЦ", patch: (a) => { a.hub.legal_entity.legal_form = "СНЦ"; } }],
  invalid: [
    { name: "a foundation", patch: (a) => { a.hub.legal_entity.legal_form = "foundation"; },
      errors: [{ messageId: "notAssociation", data: { form: "foundation" }, path: ["hub", "legal_entity", "legal_form"] }] },
    { name: "private benefit", patch: (a) => { a.hub.legal_entity.public_benefit = false; },
      errors: [{ messageId: "notPublicBenefit", path: ["hub", "legal_entity", "public_benefit"] }] },
    { name: "both wrong", patch: (a) => { a.hub.legal_entity.legal_form = "ood"; a.hub.legal_entity.public_benefit = false; },
      errors: [{ messageId: "notAssociation", path: ["hub", "legal_entity", "legal_form"] }, { messageId: "notPublicBenefit", path: ["hub", "legal_entity", "public_benefit"] }] },
  ],
});
