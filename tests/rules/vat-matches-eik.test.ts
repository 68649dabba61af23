import rule from "../../src/rules/vat-matches-eik.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "VAT = BG + ЕИК" }, { name: "no ЕИК to compare", patch: (a) => { a.partners[1].eik = null; } }, { name: "natural person VAT for a sole trader", patch: (a) => { a.partners[3].legal_form = "et"; a.partners[3].vat = "BG7523169263"; } }],
  invalid: [
    { name: "another entity's number", patch: (a) => { a.partners[1].vat = "BG175074752"; },
      errors: [{ messageId: "mismatch", data: { partner: "uni", vat: "BG175074752", eik: "201355508" }, hint: "expected BG201355508", severity: "warning" }] },
    { name: "10 digits for a company", patch: (a) => { a.partners[3].vat = "BG7523169263"; }, errors: [{ messageId: "tenDigits", data: { partner: "firm", vat: "BG7523169263", form: "ood" } }] },
  ],
});
