import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "pic-format",
    description: "Every PIC (EU Participant Identification Code) has exactly 9 digits.",
    defaultSeverity: "error",
    source: { text: "Funding & Tenders Portal, Participant Register: PIC is a 9-digit code (S14; research note §4.3; no public check digit)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const items = [
      { pic: application.hub.legal_entity.pic, path: ["hub", "legal_entity", "pic"], who: "The hub's legal entity" },
      ...application.partners.map((p, i) => ({ pic: p.pic, path: ["partners", i, "pic"], who: `Partner "${p.id}"` })),
    ];
    for (const { pic, path, who } of items) {
      if (pic == null) continue;
      if (!/^\d{9}$/.test(pic)) {
        report({ message: `${who}: PIC "${pic}" is not 9 digits`, path, hint: "find the PIC in the Participant Register of the Funding & Tenders Portal; quote it so leading zeros stay" });
      }
    }
  },
});
