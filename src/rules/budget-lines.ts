import { z } from "zod";
import { defineRule } from "./types.js";
import { FUNDED_ROLES } from "../domain/roles.js";
import { hasRole } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "budget-lines",
    description: "The budget has one line per funded partner (coordinator, beneficiary, affiliated entity) and none for others.",
    defaultSeverity: "warning",
    source: { text: "Funding & Tenders Portal Online Manual, “Electronic proposal submission”: Part A holds the budget table, one row per beneficiary (https://webgate.ec.europa.eu/funding-tenders-opportunities/display/OM/Electronic+proposal+submission, undated page, read 11.2025); layout not confirmed against the DIGITAL template", confirmed: false },
    messages: {
      duplicate: "Budget lines {{first}} and {{second}} are both for \"{{partner}}\"",
      unfunded: "Budget line {{line}} is for \"{{partner}}\", whose roles ({{roles}}) receive no funding",
      missing: "Partner \"{{partner}}\" is a {{roles}} but has no budget line",
    },
  },
  options: z.strictObject({}),
  check({ application: app }, _options, report) {
    const lines = app.budget.lines;
    if (lines.length === 0) return; // content-complete: a warning in a draft, an error at submission
    const byId = new Map(app.partners.map((p) => [p.id, p]));
    const seen = new Map<string, number>();
    lines.forEach((l, i) => {
      const j = seen.get(l.partner);
      if (j !== undefined) {
        report({ messageId: "duplicate", data: { first: j + 1, second: i + 1, partner: l.partner }, path: ["budget", "lines", i, "partner"], severity: "error", hint: "merge them into one line" });
        return;
      }
      seen.set(l.partner, i);
      const p = byId.get(l.partner);
      if (p && !hasRole(p, FUNDED_ROLES)) {
        report({ messageId: "unfunded", data: { line: i + 1, partner: l.partner, roles: p.roles.join(", ") }, path: ["budget", "lines", i, "partner"], hint: "add the role beneficiary, or remove the line" });
      }
    });
    app.partners.forEach((p, i) => {
      if (hasRole(p, FUNDED_ROLES) && !seen.has(p.id)) {
        const roles = p.roles.filter((r) => (FUNDED_ROLES as readonly string[]).includes(r)).join("/");
        report({ messageId: "missing", data: { partner: p.id, roles }, path: ["partners", i, "roles"], hint: "add a line for it under budget.lines" });
      }
    });
  },
});
