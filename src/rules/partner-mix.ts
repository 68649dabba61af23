import { z } from "zod";
import type { Partner } from "../schema/partner.js";
import { defineRule } from "./types.js";

const KINDS = {
  "research-education": {
    label: "a higher-education or research organisation",
    is: (p: Partner) => p.type === "higher-education" || p.type === "research-organisation" || p.legal_form === "state-university" || p.legal_form === "bas-institute",
  },
  "business-organisation": {
    label: "a business organisation (business association, chamber or cluster)",
    is: (p: Partner) => p.type === "business-association" || p.type === "chamber" || p.type === "cluster",
  },
  "public-body": {
    label: "a public body (e.g. a municipality)",
    is: (p: Partner) => p.type === "public-authority" || p.legal_form === "municipality" || p.legal_form === "state-body",
  },
} as const;
type Kind = keyof typeof KINDS;

export default defineRule({
  meta: {
    id: "partner-mix",
    description: "The consortium includes research/education, a business organisation and a public body.",
    defaultSeverity: "warning",
    source: { text: "Typical EDIH consortium: Cyprus Digital Coalition, EDIH call for associated countries (RTOs/universities with business-support partners, https://digitalcoalition.gov.cy/funding-opportunity/open-call-for-project-proposals-from-european-digital-innovation-hubs-edihs-in-associate-countries/, read 11.2025); no written rule found for the Bulgarian pre-selection", confirmed: false },
    messages: {
      consortiumLacks: "The consortium includes no {{kind}}",
      foundersLack: "The founders include no {{kind}}",
    },
  },
  options: z.strictObject({
    require: z.array(z.enum(Object.keys(KINDS) as [Kind, ...Kind[]])).default(Object.keys(KINDS) as Kind[]),
    founders_only: z.boolean().default(false),
  }),
  check({ application }, o, report) {
    const pool = o.founders_only ? application.partners.filter((p) => p.roles.includes("founder")) : application.partners;
    for (const kind of o.require) {
      if (!pool.some(KINDS[kind].is)) {
        report({ messageId: o.founders_only ? "foundersLack" : "consortiumLacks", data: { kind: KINDS[kind].label.replace(/^an? /, "") }, path: ["partners"], hint: `EDIH consortia usually combine research/education, business organisations and public bodies` });
      }
    }
  },
});
