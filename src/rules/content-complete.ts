import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "content-complete",
    description: "The proposal has its content: work packages, each with a deliverable, KPIs with targets, and budget lines (warning in a draft, error at --stage submission).",
    defaultSeverity: "warning",
    source: { text: "Part B describes the work plan (work packages, deliverables) and the hub's KPIs; Part A has the budget table (research note §1.6, §1.7)", confirmed: true },
    docs: "A draft may still lack them; a submission may not: Part B would say \"0 work packages\".",
  },
  options: z.strictObject({}),
  check({ application: app, stage }, _options, report) {
    const severity = stage === "submission" ? { severity: "error" as const } : {};
    if (app.work_packages.length === 0) {
      report({ message: "The application has no work packages; Part B's work plan would be empty", path: ["work_packages"], hint: "add work_packages: with id, title, lead, months and deliverables", ...severity });
    }
    app.work_packages.forEach((wp, i) => {
      if (wp.deliverables.length === 0) {
        report({ message: `Work package ${wp.id} has no deliverables`, path: ["work_packages", i], hint: "add deliverables: [{ id, title, month, type, dissemination }]", ...severity });
      }
    });
    if (app.kpis.length === 0) {
      report({ message: "The application has no KPIs; the hub's targets are part of the proposal", path: ["kpis"], hint: "add kpis: [{ id, title, target }]", ...severity });
    }
    if (app.budget.lines.length === 0) {
      report({ message: "The budget has no lines", path: ["budget"], hint: "add one line per beneficiary under budget.lines", ...severity });
    }
  },
});
