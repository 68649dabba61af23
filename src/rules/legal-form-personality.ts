import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "legal-form-personality",
    description: "Founders and funded partners have legal personality (not a ДЗЗД or a branch).",
    defaultSeverity: "warning",
    source: { text: "EU beneficiaries are legal entities (S1); ЗЮЛНЦ founders are natural or legal persons; ДЗЗД has no legal personality (research note §4.5, inference)", confirmed: false },
  },
  options: z.strictObject({ roles: z.array(z.string()).default(["founder", "coordinator", "beneficiary"]) }),
  check({ application, ref }, o, report) {
    application.partners.forEach((p, i) => {
      const form = ref.legalForms.get(p.legal_form);
      if (!form || form.legal_personality !== false || form.natural_person) return;
      const roles = p.roles.filter((r) => o.roles.includes(r));
      if (roles.length === 0) return;
      report({
        message: `Partner "${p.id}" is a ${form.abbr ?? form.name_en} (${form.name_en}), which has no legal personality, but is a ${roles.join("/")}`,
        path: ["partners", i, "legal_form"], hint: "its members (legal persons) take the role instead",
      });
    });
  },
});
