import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "legal-form-other-named",
    description: "A partner whose legal form is `other` names it in legal_form_name.",
    defaultSeverity: "error",
    source: { text: "edih data format: legal_form other needs legal_form_name (FORMAT.md)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    application.partners.forEach((p, i) => {
      if (p.legal_form === "other" && p.legal_form_name === undefined) {
        report({ message: `Partner "${p.id}" has legal form "other" but no legal_form_name`, path: ["partners", i, "legal_form"], hint: 'add legal_form_name: { bg: ..., en: ... } (e.g. "GmbH")' });
      }
    });
  },
});
