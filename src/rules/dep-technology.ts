import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "dep-technology",
    description: "The hub declares at least one Digital Europe capacity: ai, hpc, cybersecurity or advanced-digital-skills.",
    defaultSeverity: "error",
    source: { text: "Regulation (EU) 2021/694 (OJ L 166, 11.5.2021), Art. 3(2): the programme's specific objectives HPC, AI, cybersecurity and trust, advanced digital skills, deployment; call summary: fundingprogrammesportal.gov.cy, “Initial Network of European Digital Innovation Hubs” (read 11.2025)", confirmed: true },
    messages: {
      noCapacity: "The hub's technologies ({{technologies}}) include none of the Digital Europe capacities {{capacities}}",
    },
  },
  options: z.strictObject({ capacities: z.array(z.string()).min(1).default(["ai", "hpc", "cybersecurity", "advanced-digital-skills"]) }),
  check({ application }, o, report) {
    if (!application.hub.technologies.some((t) => o.capacities.includes(t))) {
      report({
        messageId: "noCapacity", data: { technologies: application.hub.technologies.join(", "), capacities: o.capacities.join(", ") },
        path: ["hub", "technologies"], hint: "add the capacity the hub builds on, e.g. ai",
      });
    }
  },
});
