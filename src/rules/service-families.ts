import { z } from "zod";
import { SERVICE_FAMILIES } from "../schema/service.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "service-families",
    description: "The hub offers services in each of the four EDIH families.",
    defaultSeverity: "error",
    source: { text: "EDIH services: test before invest, skills and training, support to find investments, innovation ecosystem and networking (Cyprus Digital Coalition, EDIH call for associated countries; fundingprogrammesportal.gov.cy, “complete set of services”)", confirmed: true },
  },
  options: z.strictObject({ families: z.array(z.enum(SERVICE_FAMILIES)).default([...SERVICE_FAMILIES]) }),
  check({ application }, o, report) {
    const offered = new Set(application.services.map((s) => s.family));
    for (const f of o.families) {
      if (!offered.has(f)) report({ message: `No service in the family ${f}; an EDIH offers all four families`, path: ["services"], hint: `add a service with family: ${f}` });
    }
  },
});
