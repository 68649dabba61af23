import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "legal-form-other-named",
    description: "The hub's legal entity or a partner whose legal form is `other` names it in legal_form_name.",
    defaultSeverity: "error",
    source: { text: "none known — edih's own consistency check: the documents print the legal form, so `other` needs its name (docs/FORMAT.md)", confirmed: true },
    messages: {
      hub: "The hub's legal entity has legal form \"other\" but no legal_form_name",
      partner: "Partner \"{{partner}}\" has legal form \"other\" but no legal_form_name",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const le = application.hub.legal_entity;
    if (le.legal_form === "other" && le.legal_form_name === undefined) {
      report({ messageId: "hub", path: ["hub", "legal_entity", "legal_form"], hint: 'add legal_form_name: (e.g. { en: "recognised association" })' });
    }
    application.partners.forEach((p, i) => {
      if (p.legal_form === "other" && p.legal_form_name === undefined) {
        report({ messageId: "partner", data: { partner: p.id }, path: ["partners", i, "legal_form"], hint: 'add legal_form_name: { bg: ..., en: ... } (e.g. "GmbH")' });
      }
    });
  },
});
