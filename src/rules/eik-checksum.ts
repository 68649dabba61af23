import { z } from "zod";
import { defineRule } from "./types.js";
import { eikProblem } from "../domain/eik.js";
import { identifierHolders } from "./lib/partners.js";


export default defineRule({
  meta: {
    id: "eik-checksum",
    description: "Every ЕИК / БУЛСТАТ code has 9 or 13 digits and valid check digits, and belongs to an entity seated in Bulgaria (Bulgarian registers).",
    defaultSeverity: "error",
    source: { text: "ЕИК/БУЛСТАТ structure and check digits as published by the Registry Agency (Агенция по вписванията, register БУЛСТАТ, http://bulstat.registryagency.bg/Fr-about2.html#Structure, undated page, read 11.2025), cross-checked with the open-source st0yanov/eik_validator and python-stdnum test vectors", confirmed: true },
    messages: {
      notBulgarian: "{{who}}: eik: is a Bulgarian ЕИК/БУЛСТАТ, but the entity is seated in {{country}}",
      zeros: "{{who}}: ЕИК {{eik}} is all zeros",
      "checksum-9": "{{who}}: ЕИК {{eik}} fails the ЕИК check digit (9th digit)",
      "checksum-13": "{{who}}: ЕИК {{eik}} fails the check digit of a 13-digit code (13th digit)",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    for (const { ids: { eik }, country, path, who } of identifierHolders(application)) {
      if (eik == null) continue;
      if (country !== "BG") {
        report({
          messageId: "notBulgarian", data: { who, country },
          path: [...path, "eik"], hint: "for an entity outside Bulgaria leave eik: out and give vat: (and pic:); or correct the seat's nuts3/country",
        });
        continue;
      }
      const problem = eikProblem(eik);
      // The schema already refuses codes that are not 9 or 13 digits (src/schema/common.ts Eik).
      if (problem && problem !== "format") {
        report({ messageId: problem, data: { who, eik }, path: [...path, "eik"], hint: "copy the code from the Търговски регистър / регистър БУЛСТАТ; a typo usually breaks the check digit" });
      }
    }
  },
});
