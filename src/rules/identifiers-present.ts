import { z } from "zod";
import { PARTNER_ROLES } from "../schema/partner.js";
import { defineRule } from "./types.js";
import { EU_PARTICIPANT_ROLES } from "../domain/roles.js";
import { countryOf, hasRole } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "identifiers-present",
    description: "Identifiers needed for submission are given: ЕИК of Bulgarian entities only (the hub's registered entity, partners seated in Bulgaria), PIC of EU participants (warning in a draft, error at --stage submission).",
    defaultSeverity: "warning",
    source: { text: "Part A lists each participant's 9-digit PIC (Funding & Tenders Portal Online Manual, “Electronic proposal submission”, and F&T Portal wiki “PIC and organisation roles and data”, https://wikis.ec.europa.eu/display/FTPortal/PIC+and+organisation+roles+and+data, undated pages, read 11.2025); Bulgarian entities carry an ЕИК from the Търговски регистър и регистър на ЮЛНЦ or a БУЛСТАТ code (Registry Agency, http://bulstat.registryagency.bg/Fr-about2.html, read 11.2025)", confirmed: true },
    messages: {
      hubEik: "The hub's association is registered but its ЕИК is not given",
      partnerEik: "Partner \"{{partner}}\" has no ЕИК/БУЛСТАТ",
      partnerPic: "Partner \"{{partner}}\" takes part in the EU proposal but has no PIC",
    },
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
      report({ messageId: "hubEik", path: ["hub", "legal_entity", "eik"], hint: "copy it from the Регистър на ЮЛНЦ", ...(severity ? { severity } : {}) });
    }
    application.partners.forEach((p, i) => {
      if (o.eik && p.eik == null && countryOf(p.seat, application) === "BG") {
        report({ messageId: "partnerEik", data: { partner: p.id }, path: ["partners", i, "eik"], hint: "add eik: with its 9-digit ЕИК/БУЛСТАТ from the Търговски регистър or регистър БУЛСТАТ, quoted", ...(severity ? { severity } : {}) });
      }
      if (o.pic && p.pic == null && hasRole(p, o.pic_roles)) {
        report({ messageId: "partnerPic", data: { partner: p.id }, path: ["partners", i, "pic"], hint: "add pic: with its 9-digit PIC from the Participant Register of the Funding & Tenders Portal, quoted", ...(severity ? { severity } : {}) });
      }
    });
  },
});
