import { z } from "zod";
import { defineRule } from "./types.js";
import { identifierHolders } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "pic-format",
    description: "Every PIC (EU Participant Identification Code) has exactly 9 digits.",
    defaultSeverity: "error",
    source: { text: "Funding & Tenders Portal wiki, “PIC and organisation roles and data”: the PIC is a 9-digit code from the Participant Register (https://wikis.ec.europa.eu/display/FTPortal/PIC+and+organisation+roles+and+data, undated page, read 11.2025); no public check digit", confirmed: true },
    messages: {
      notNineDigits: "{{who}}: PIC \"{{pic}}\" is not 9 digits",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    for (const { ids: { pic }, path, who } of identifierHolders(application)) {
      if (pic == null) continue;
      if (!/^\d{9}$/.test(pic)) {
        report({ messageId: "notNineDigits", data: { who, pic }, path: [...path, "pic"], hint: "find the PIC in the Participant Register of the Funding & Tenders Portal; quote it so leading zeros stay" });
      }
    }
  },
});
