import rule from "../../src/rules/identifiers-unique.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "each partner its own" },
    { name: "two branches of one entity (13-digit codes)", patch: (a) => { a.partners[1].eik = "1753570330001"; a.partners[2].eik = "1753570330002"; } },
  ],
  invalid: [
    { name: "the same ЕИК on two partners names both", patch: (a) => { a.partners[2].eik = a.partners[1].eik; },
      errors: [{ messageId: "shared", data: { first: "uni", second: "chamber", label: "ЕИК/БУЛСТАТ", id: "201355508" }, path: ["partners", 2, "eik"] }] },
    { name: "the same VAT, however written", patch: (a) => { a.partners[3].vat = "bg 201 355 508"; },
      errors: [{ messageId: "shared", data: { first: "uni", second: "firm", label: "VAT number", id: "BG201355508" }, path: ["partners", 3, "vat"] }] },
  ],
});
