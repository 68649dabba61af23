import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "workplan-ids-unique",
    description: "Work package, deliverable and milestone ids are unique across the work plan.",
    defaultSeverity: "error",
    source: { text: "Digital Europe Part B template, section 4 (work packages, deliverables and milestones numbered); template not consulted in this version", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application: app }, _options, report) {
    const seen = { wp: new Map<string, string>(), d: new Map<string, string>(), ms: new Map<string, string>() };
    const once = (kind: keyof typeof seen, label: string, id: string, where: string, path: (string | number)[]): void => {
      const before = seen[kind].get(id);
      if (before !== undefined) report({ message: `${label} id ${id} is used twice (${before} and ${where})`, path, hint: "number each one differently" });
      else seen[kind].set(id, where);
    };
    app.work_packages.forEach((wp, i) => {
      once("wp", "Work package", wp.id, `work package ${i + 1}`, ["work_packages", i, "id"]);
      wp.deliverables.forEach((d, j) => once("d", "Deliverable", d.id, wp.id, ["work_packages", i, "deliverables", j, "id"]));
      wp.milestones.forEach((m, j) => once("ms", "Milestone", m.id, wp.id, ["work_packages", i, "milestones", j, "id"]));
    });
  },
});
