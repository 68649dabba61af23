import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "legal-form-personality",
    description: "Founders and funded partners have legal personality (not a ДЗЗД or a branch).",
    defaultSeverity: "warning",
    source: { text: "Call DIGITAL-2021-EDIH-01: participants are legal entities, public or private (EVPA summary of the call, https://www.evpa.ngo/funding/initial-network-european-digital-innovation-hubs, read 11.2025); ДЗЗД (civil partnership under the Закон за задълженията и договорите) has no legal personality (inference, no article found)", confirmed: false },
    messages: {
      noPersonality: "Partner \"{{partner}}\" is a {{abbr}} ({{form}}), which has no legal personality, but is a {{roles}}",
    },
  },
  options: z.strictObject({ roles: z.array(z.string()).default(["founder", "coordinator", "beneficiary"]) }),
  check({ application, ref }, o, report) {
    application.partners.forEach((p, i) => {
      const form = ref.legalForms.get(p.legal_form);
      if (!form || form.legal_personality !== false || form.natural_person) return;
      const roles = p.roles.filter((r) => o.roles.includes(r));
      if (roles.length === 0) return;
      report({
        messageId: "noPersonality", data: { partner: p.id, abbr: form.abbr ?? form.name_en, form: form.name_en, roles: roles.join("/") },
        path: ["partners", i, "legal_form"], hint: "its members (legal persons) take the role instead",
      });
    });
  },
});
