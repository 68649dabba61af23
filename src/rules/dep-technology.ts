import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "dep-technology",
    description: "The hub declares at least one Digital Europe capacity: ai, hpc, cybersecurity or advanced-digital-skills.",
    defaultSeverity: "error",
    source: { text: "Call scope: DEP capacities HPC, AI, cybersecurity, advanced digital skills (S2; research note §1.3)", confirmed: true },
  },
  options: z.strictObject({ capacities: z.array(z.string()).min(1).default(["ai", "hpc", "cybersecurity", "advanced-digital-skills"]) }),
  check({ application }, o, report) {
    if (!application.hub.technologies.some((t) => o.capacities.includes(t))) {
      report({
        message: `The hub's technologies (${application.hub.technologies.join(", ")}) include none of the Digital Europe capacities ${o.capacities.join(", ")}`,
        path: ["hub", "technologies"], hint: "add the capacity the hub builds on, e.g. ai",
      });
    }
  },
});
