import { z } from "zod";
import { defineRule } from "./types.js";
import { FUNDED_ROLES, hasRole } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "budget-lines",
    description: "The budget has one line per funded partner (coordinator, beneficiary, affiliated entity) and none for others.",
    defaultSeverity: "warning",
    source: { text: "Funding & Tenders Portal Part A: budget table with one row per beneficiary (Online Manual, “Electronic proposal submission”); layout not confirmed against the DIGITAL template", confirmed: false },
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
        report({ message: `Budget lines ${j + 1} and ${i + 1} are both for "${l.partner}"`, path: ["budget", "lines", i, "partner"], severity: "error", hint: "merge them into one line" });
        return;
      }
      seen.set(l.partner, i);
      const p = byId.get(l.partner);
      if (p && !hasRole(p, FUNDED_ROLES)) {
        report({ message: `Budget line ${i + 1} is for "${l.partner}", whose roles (${p.roles.join(", ")}) receive no funding`, path: ["budget", "lines", i, "partner"], hint: "add the role beneficiary, or remove the line" });
      }
    });
    app.partners.forEach((p, i) => {
      if (hasRole(p, FUNDED_ROLES) && !seen.has(p.id)) {
        report({ message: `Partner "${p.id}" is a ${p.roles.filter((r) => (FUNDED_ROLES as readonly string[]).includes(r)).join("/")} but has no budget line`, path: ["partners", i, "roles"], hint: "add a line for it under budget.lines" });
      }
    });
  },
});
