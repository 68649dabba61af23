import { z } from "zod";
import { defineRule } from "./types.js";
import { eikProblem } from "../domain/eik.js";
import { identifierHolders } from "./lib/partners.js";

const WHY = {
  format: "does not have 9 or 13 digits",
  zeros: "is all zeros",
  "checksum-9": "fails the ЕИК check digit (9th digit)",
  "checksum-13": "fails the check digit of a 13-digit code (13th digit)",
} as const;

export default defineRule({
  meta: {
    id: "eik-checksum",
    description: "Every ЕИК / БУЛСТАТ code has 9 or 13 digits and valid check digits, and belongs to an entity seated in Bulgaria (Bulgarian registers).",
    defaultSeverity: "error",
    source: { text: "ЕИК/БУЛСТАТ check-digit algorithm (C1, cross-checked; research note §4.1)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    for (const { ids: { eik }, country, path, who } of identifierHolders(application)) {
      if (eik == null) continue;
      if (country !== "BG") {
        report({
          message: `${who}: eik: is a Bulgarian ЕИК/БУЛСТАТ, but the entity is seated in ${country}`,
          path: [...path, "eik"], hint: "for an entity outside Bulgaria leave eik: out and give vat: (and pic:); or correct the seat's nuts3/country",
        });
        continue;
      }
      const problem = eikProblem(eik);
      if (problem) {
        report({ message: `${who}: ЕИК ${eik} ${WHY[problem]}`, path: [...path, "eik"], hint: "copy the code from the Търговски регистър / регистър БУЛСТАТ; a typo usually breaks the check digit" });
      }
    }
  },
});
