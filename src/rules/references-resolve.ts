import { z } from "zod";
import type { JsonPath } from "../diagnostics.js";
import { defineRule } from "./types.js";
import { didYouMean } from "../schema/suggest.js";

export default defineRule({
  meta: {
    id: "references-resolve",
    description: "Every partner id used by budget lines, work packages, effort, deliverables and services names a partner.",
    defaultSeverity: "error",
    source: { text: "none known — edih's own consistency check: budget lines, work packages and services name partners by id (docs/FORMAT.md)", confirmed: true },
    messages: {
      unknownPartner: "{{where}} names partner \"{{partner}}\", which is not a partner",
    },
  },
  options: z.strictObject({}),
  check({ application: app }, _options, report) {
    const ids = app.partners.map((p) => p.id);
    const known = new Set(ids);
    const ref = (id: string, path: JsonPath, where: string): void => {
      if (known.has(id)) return;
      report({ messageId: "unknownPartner", data: { where, partner: id }, path, hint: didYouMean(id, ids) ?? "use the id of a partner listed under partners" });
    };
    app.budget.lines.forEach((l, i) => ref(l.partner, ["budget", "lines", i, "partner"], `Budget line ${i + 1}`));
    app.work_packages.forEach((wp, i) => {
      ref(wp.lead, ["work_packages", i, "lead"], `${wp.id} lead`);
      for (const key of Object.keys(wp.effort)) ref(key, ["work_packages", i, "effort", key], `${wp.id} effort`);
      wp.deliverables.forEach((d, j) => {
        if (d.lead !== undefined) ref(d.lead, ["work_packages", i, "deliverables", j, "lead"], `Deliverable ${d.id} lead`);
      });
    });
    app.services.forEach((s, i) => s.providers.forEach((pr, k) => ref(pr, ["services", i, "providers", k], `Service "${s.id}"`)));
  },
});
