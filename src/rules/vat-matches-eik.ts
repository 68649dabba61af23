import { z } from "zod";
import { defineRule } from "./types.js";
import { normaliseEik } from "../domain/eik.js";
import { normaliseVat } from "../domain/vat.js";

export default defineRule({
  meta: {
    id: "vat-matches-eik",
    description: "A legal entity's Bulgarian VAT number is BG followed by its 9-digit ЕИК.",
    defaultSeverity: "warning",
    source: { text: "Research note §4.2/§4.5 vat-bg-format: legal entities' VAT = BG + ЕИК (equality rule unconfirmed)", confirmed: false },
  },
  options: z.strictObject({}),
  check({ application, ref }, _options, report) {
    application.partners.forEach((p, i) => {
      if (p.vat == null || p.vat === "") return;
      const m = /^BG(\d{9,10})$/.exec(normaliseVat(p.vat));
      if (!m) return; // vat-valid reports malformed numbers
      const digits = m[1]!;
      const path = ["partners", i, "vat"];
      if (digits.length === 10) {
        if (ref.legalForms.get(p.legal_form)?.legal_personality === true) {
          report({ message: `Partner "${p.id}": VAT number BG${digits} has 10 digits (natural persons), but a ${p.legal_form} is a legal entity`, path, hint: "a legal entity's VAT number is BG + its 9-digit ЕИК" });
        }
        return;
      }
      if (p.eik == null) return;
      const eik = normaliseEik(p.eik);
      if (eik.length === 9 && eik !== digits) {
        report({ message: `Partner "${p.id}": VAT number BG${digits} does not match its ЕИК ${eik}`, path, hint: `expected BG${eik}` });
      }
    });
  },
});
