import { z } from "zod";
import { defineRule } from "./types.js";
import { identifierHolders } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "pic-format",
    description: "Every PIC (EU Participant Identification Code) has exactly 9 digits.",
    defaultSeverity: "error",
    source: { text: "Funding & Tenders Portal, Participant Register: PIC is a 9-digit code (S14; research note §4.3; no public check digit)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    for (const { ids: { pic }, path, who } of identifierHolders(application)) {
      if (pic == null) continue;
      if (!/^\d{9}$/.test(pic)) {
        report({ message: `${who}: PIC "${pic}" is not 9 digits`, path: [...path, "pic"], hint: "find the PIC in the Participant Register of the Funding & Tenders Portal; quote it so leading zeros stay" });
      }
    }
  },
});
