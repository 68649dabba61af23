import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "legal-form-other-named",
    description: "The hub's legal entity or a partner whose legal form is `other` names it in legal_form_name.",
    defaultSeverity: "error",
    source: { text: "edih data format: legal_form other needs legal_form_name (FORMAT.md)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const le = application.hub.legal_entity;
    if (le.legal_form === "other" && le.legal_form_name === undefined) {
      report({ message: 'The hub\'s legal entity has legal form "other" but no legal_form_name', path: ["hub", "legal_entity", "legal_form"], hint: 'add legal_form_name: (e.g. { en: "recognised association" })' });
    }
    application.partners.forEach((p, i) => {
      if (p.legal_form === "other" && p.legal_form_name === undefined) {
        report({ message: `Partner "${p.id}" has legal form "other" but no legal_form_name`, path: ["partners", i, "legal_form"], hint: 'add legal_form_name: { bg: ..., en: ... } (e.g. "GmbH")' });
      }
    });
  },
});
