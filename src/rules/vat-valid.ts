import { z } from "zod";
import { vatPrefix } from "../refdata/countries.js";
import { defineRule } from "./types.js";
import { checkEuVat } from "./lib/eu-vat.js";
import { identifierHolders } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "vat-valid",
    description: "Every VAT number has an EU member state's prefix, that country's format and check digits, and the prefix of the country the entity is seated in; one written with spaces is read without them (warning).",
    defaultSeverity: "error",
    source: {
      text: "EU VAT number formats and check digits as implemented by the npm package jsvat 2.5.4 for 26 member states and, for Bulgaria, python-stdnum stdnum/bg/vat.py (https://github.com/arthurdejong/python-stdnum, read 11.2025); no official publication of the algorithms was consulted — check a number in the Commission's VIES service",
      confirmed: true,
    },
    messages: {
      prefix: "{{who}}: VAT number \"{{vat}}\" does not start with an EU country prefix",
      otherCountry: "{{who}}: VAT number {{vat}} is {{vatCountry}}'s, but the entity is seated in {{country}}",
      format: "{{who}}: VAT number \"{{vat}}\" does not have the format of a {{country}} VAT number",
      checksum: "{{who}}: VAT number {{vat}} fails its check digit",
      spaces: "{{who}}: VAT number \"{{vat}}\" is written with spaces or punctuation; edih reads it as {{compact}}",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    for (const { ids: { vat }, country, path, who } of identifierHolders(application)) {
      if (vat == null || vat === "") continue;
      const at = [...path, "vat"];
      const r = checkEuVat(vat);
      if (r.problem === "prefix") {
        report({ messageId: "prefix", data: { who, vat }, path: at, hint: `write the number with its country prefix, e.g. ${vatPrefix(country)}…` });
        continue;
      }
      if (r.country !== country) {
        report({
          messageId: "otherCountry", data: { who, vat: r.compact, vatCountry: r.country ?? "another country", country },
          path: at, hint: `a VAT number registered in ${country} starts with ${vatPrefix(country)}; check the number or the seat's nuts3/country`,
        });
        continue;
      }
      if (r.problem === "format") {
        report({ messageId: "format", data: { who, vat, country }, path: at, hint: "copy it from the VAT registration or check it in VIES" });
        continue;
      }
      if (r.problem === "checksum") {
        report({ messageId: "checksum", data: { who, vat: r.compact }, path: at, hint: "a typo usually breaks the check digit: check the number in VIES or the registration certificate" });
        continue;
      }
      if (r.compact !== vat) {
        report({ messageId: "spaces", data: { who, vat, compact: r.compact }, path: at, severity: "warning", hint: `write vat: "${r.compact}"` });
      }
    }
  },
});
