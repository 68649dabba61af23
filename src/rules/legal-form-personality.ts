import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "legal-form-personality",
    description: "Founders and funded partners have legal personality (not a ДЗЗД or a branch).",
    defaultSeverity: "warning",
    source: { text: "Regulation (EU) 2021/694 (OJ L 166, 11.5.2021), Art. 2(2) and the call's eligibility: participants are legal entities; ДЗЗД (civil partnership under the Закон за задълженията и договорите) has no legal personality (inference)", confirmed: false },
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
