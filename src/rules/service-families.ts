import { z } from "zod";
import { SERVICE_FAMILIES } from "../schema/vocabulary.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "service-families",
    description: "The hub offers services in each of the four EDIH families (warning in a draft, error at --stage submission).",
    defaultSeverity: "warning",
    source: { text: "EDIH services: test before invest, skills and training, support to find investments, innovation ecosystem and networking (Cyprus Digital Coalition, EDIH call for associated countries, https://digitalcoalition.gov.cy/funding-opportunity/open-call-for-project-proposals-from-european-digital-innovation-hubs-edihs-in-associate-countries/; fundingprogrammesportal.gov.cy, “complete set of services”; read 11.2025)", confirmed: true },
    docs: "A draft may still lack services (init writes `services: []`); a submission may not.",
    messages: {
      missingFamily: "No service in the family {{family}}; an EDIH offers all four families",
    },
  },
  options: z.strictObject({ families: z.array(z.enum(SERVICE_FAMILIES)).default([...SERVICE_FAMILIES]) }),
  check({ application, stage }, o, report) {
    const offered = new Set(application.services.map((s) => s.family));
    for (const f of o.families) {
      if (!offered.has(f)) report({
        messageId: "missingFamily", data: { family: f }, path: ["services"], hint: `add a service with family: ${f}`,
        // As content-complete and narrative-complete: a draft may still have gaps, a submission may not.
        severity: stage === "submission" ? "error" : "warning",
      });
    }
  },
});
