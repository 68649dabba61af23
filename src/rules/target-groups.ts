import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "target-groups",
    description: "The hub targets SMEs, small mid-caps or public-sector organisations, and each service targets groups the hub serves.",
    defaultSeverity: "error",
    source: { text: "Call DIGITAL-2021-EDIH-01 scope: SMEs/small mid-caps and/or public-sector organisations (EVPA summary of the call “Initial Network of European Digital Innovation Hubs”, https://www.evpa.ngo/funding/initial-network-european-digital-innovation-hubs, read 11.2025)", confirmed: true },
    messages: {
      noCoreGroup: "The hub's target groups ({{groups}}) include none of {{core}}",
      serviceGroup: "Service \"{{service}}\" targets \"{{group}}\", which is not among the hub's target groups",
    },
  },
  options: z.strictObject({ core: z.array(z.string()).min(1).default(["sme", "small-midcap", "public-sector"]) }),
  check({ application }, o, report) {
    const groups = application.hub.target_groups;
    if (!groups.some((g) => o.core.includes(g))) {
      report({ messageId: "noCoreGroup", data: { groups: groups.join(", "), core: o.core.join(", ") }, path: ["hub", "target_groups"], hint: "EDIH services are for sme, small-midcap and public-sector" });
    }
    application.services.forEach((s, i) => {
      (s.target_groups ?? []).forEach((g, k) => {
        if (!groups.includes(g)) {
          report({ messageId: "serviceGroup", data: { service: s.id, group: g }, path: ["services", i, "target_groups", k], severity: "warning", hint: `add ${g} to hub.target_groups or remove it here` });
        }
      });
    });
  },
});
