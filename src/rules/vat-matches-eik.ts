import { z } from "zod";
import { defineRule } from "./types.js";
import { normaliseEik } from "../domain/eik.js";
import { normaliseVat } from "../domain/vat.js";

export default defineRule({
  meta: {
    id: "vat-matches-eik",
    description: "A legal entity's Bulgarian VAT number is BG followed by its 9-digit ЕИК.",
    defaultSeverity: "warning",
    source: { text: "Bulgarian VAT numbers: BG + 9 digits for legal entities, BG + 10 for natural persons (python-stdnum, stdnum/bg/vat.py, https://github.com/arthurdejong/python-stdnum, read 11.2025); that the 9 digits equal the entity's ЕИК is unconfirmed", confirmed: false },
    messages: {
      tenDigits: "Partner \"{{partner}}\": VAT number {{vat}} has 10 digits (natural persons), but a {{form}} is a legal entity",
      mismatch: "Partner \"{{partner}}\": VAT number {{vat}} does not match its ЕИК {{eik}}",
    },
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
          report({ messageId: "tenDigits", data: { partner: p.id, vat: `BG${digits}`, form: p.legal_form }, path, hint: "a legal entity's VAT number is BG + its 9-digit ЕИК" });
        }
        return;
      }
      if (p.eik == null) return;
      const eik = normaliseEik(p.eik);
      if (eik.length === 9 && eik !== digits) {
        report({ messageId: "mismatch", data: { partner: p.id, vat: `BG${digits}`, eik }, path, hint: `expected BG${eik}` });
      }
    });
  },
});
