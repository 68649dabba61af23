import { z } from "zod";
import { defineRule } from "./types.js";
import { countryOf } from "./lib/partners.js";
import { bgVatProblem, normaliseVat } from "./lib/vat.js";

export default defineRule({
  meta: {
    id: "vat-bg",
    description: "A Bulgarian VAT number is BG + 9 or 10 digits with a valid check digit.",
    defaultSeverity: "error",
    source: { text: "Bulgarian VAT number format and checksums (python-stdnum bg/vat, C2; research note §4.2)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    application.partners.forEach((p, i) => {
      if (p.vat == null || p.vat === "") return;
      const vat = normaliseVat(p.vat);
      const bulgarian = countryOf(p.seat) === "BG";
      if (!vat.startsWith("BG") && !bulgarian) return; // foreign numbers: not checked here
      const problem = bgVatProblem(vat);
      const path = ["partners", i, "vat"];
      if (problem === "format") {
        report({ message: `Partner "${p.id}": VAT number "${p.vat}" is not BG followed by 9 or 10 digits`, path, hint: "a legal entity's VAT number is BG + its 9-digit ЕИК" });
      } else if (problem === "checksum") {
        report({ message: `Partner "${p.id}": VAT number ${vat} fails its check digit`, path, hint: "check the number in VIES or the registration certificate" });
      }
    });
  },
});
