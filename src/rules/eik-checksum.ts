import { z } from "zod";
import { defineRule } from "./types.js";
import { eikProblem } from "./lib/eik.js";

const WHY = {
  format: "does not have 9 or 13 digits",
  zeros: "is all zeros",
  "checksum-9": "fails the ЕИК check digit (9th digit)",
  "checksum-13": "fails the check digit of a 13-digit code (13th digit)",
} as const;

export default defineRule({
  meta: {
    id: "eik-checksum",
    description: "Every ЕИК / БУЛСТАТ code has 9 or 13 digits and valid check digits.",
    defaultSeverity: "error",
    source: { text: "ЕИК/БУЛСТАТ check-digit algorithm (C1, cross-checked; research note §4.1)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const items = [
      { eik: application.hub.legal_entity.eik, path: ["hub", "legal_entity", "eik"], who: "The hub's legal entity" },
      ...application.partners.map((p, i) => ({ eik: p.eik, path: ["partners", i, "eik"], who: `Partner "${p.id}"` })),
    ];
    for (const { eik, path, who } of items) {
      if (eik == null) continue;
      const problem = eikProblem(eik);
      if (problem) {
        report({ message: `${who}: ЕИК ${eik} ${WHY[problem]}`, path, hint: "copy the code from the Търговски регистър / регистър БУЛСТАТ; a typo usually breaks the check digit" });
      }
    }
  },
});
