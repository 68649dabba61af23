import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "workplan-ids-unique",
    description: "Work package, deliverable and milestone ids are unique across the work plan.",
    defaultSeverity: "error",
    source: { text: "none known — edih's own consistency check: work packages, deliverables and milestones are referred to by their ids (the Part B template's numbering rules were not consulted)", confirmed: true },
    messages: {
      duplicate: "{{kind}} id {{id}} is used twice ({{first}} and {{second}})",
    },
  },
  options: z.strictObject({}),
  check({ application: app }, _options, report) {
    const seen = { wp: new Map<string, string>(), d: new Map<string, string>(), ms: new Map<string, string>() };
    const once = (kind: keyof typeof seen, label: string, id: string, where: string, path: (string | number)[]): void => {
      const before = seen[kind].get(id);
      if (before !== undefined) report({ messageId: "duplicate", data: { kind: label, id, first: before, second: where }, path, hint: "number each one differently" });
      else seen[kind].set(id, where);
    };
    app.work_packages.forEach((wp, i) => {
      once("wp", "Work package", wp.id, `work package ${i + 1}`, ["work_packages", i, "id"]);
      wp.deliverables.forEach((d, j) => once("d", "Deliverable", d.id, wp.id, ["work_packages", i, "deliverables", j, "id"]));
      wp.milestones.forEach((m, j) => once("ms", "Milestone", m.id, wp.id, ["work_packages", i, "milestones", j, "id"]));
    });
  },
});
