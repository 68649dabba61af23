import rule from "../../src/rules/partner-mix.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "university, chamber, municipality" }],
  invalid: [
    { name: "no public body", patch: (a) => { a.partners = a.partners.slice(1); a.budget.lines = []; },
      errors: [{ messageId: "consortiumLacks", data: { kind: "public body (e.g. a municipality)" }, severity: "warning", path: ["partners"] }] },
    { name: "no research", patch: (a) => { a.partners[1].type = "enterprise"; a.partners[1].legal_form = "ad"; }, errors: [{ messageId: "consortiumLacks", data: { kind: "higher-education or research organisation" } }] },
    { name: "founders only", options: { founders_only: true }, patch: (a) => { a.partners[2].roles = ["coordinator"]; }, errors: [{ messageId: "foundersLack", data: { kind: "business organisation (business association, chamber or cluster)" } }] },
  ],
});
