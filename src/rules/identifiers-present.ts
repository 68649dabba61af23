import { z } from "zod";
import { PARTNER_ROLES } from "../schema/partner.js";
import { defineRule } from "./types.js";
import { EU_PARTICIPANT_ROLES, countryOf, hasRole } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "identifiers-present",
    description: "Identifiers needed for submission are given: ЕИК of Bulgarian entities only (the hub's registered entity, partners seated in Bulgaria), PIC of EU participants (warning in a draft, error at --stage submission).",
    defaultSeverity: "warning",
    source: { text: "Part A lists each participant's PIC (S13, S14); Bulgarian parties are identified by ЕИК/БУЛСТАТ (research note §4.1, §5.2)", confirmed: true },
    docs: "A draft may lack identifiers; with --stage submission each missing one is an error.",
  },
  options: z.strictObject({
    eik: z.boolean().default(true),
    pic: z.boolean().default(true),
    pic_roles: z.array(z.enum(PARTNER_ROLES)).default([...EU_PARTICIPANT_ROLES]),
  }),
  check({ application, stage }, o, report) {
    const severity = stage === "submission" ? "error" as const : undefined;
    const le = application.hub.legal_entity;
    // ЕИК/БУЛСТАТ is a Bulgarian register's number: nobody elsewhere has one to give.
    if (o.eik && le.status === "registered" && le.eik == null && countryOf(le.seat, application) === "BG") {
      report({ message: "The hub's association is registered but its ЕИК is not given", path: ["hub", "legal_entity", "eik"], hint: "copy it from the Регистър на ЮЛНЦ", ...(severity ? { severity } : {}) });
    }
    application.partners.forEach((p, i) => {
      if (o.eik && p.eik == null && countryOf(p.seat, application) === "BG") {
        report({ message: `Partner "${p.id}" has no ЕИК/БУЛСТАТ`, path: ["partners", i, "eik"], hint: "add eik: with its 9-digit ЕИК/БУЛСТАТ from the Търговски регистър or регистър БУЛСТАТ, quoted", ...(severity ? { severity } : {}) });
      }
      if (o.pic && p.pic == null && hasRole(p, o.pic_roles)) {
        report({ message: `Partner "${p.id}" takes part in the EU proposal but has no PIC`, path: ["partners", i, "pic"], hint: "add pic: with its 9-digit PIC from the Participant Register of the Funding & Tenders Portal, quoted", ...(severity ? { severity } : {}) });
      }
    });
  },
});
