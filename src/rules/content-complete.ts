import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "content-complete",
    description: "The proposal has its content: work packages, each with a deliverable, KPIs with targets, and budget lines (warning in a draft, error at --stage submission).",
    defaultSeverity: "warning",
    source: { text: "none known as a written rule — edih's own completeness check; Part B (work plan) and Part A (budget table) are the proposal's parts per the Funding & Tenders Portal Online Manual, “Electronic proposal submission” (undated page, read 11.2025), and the hub's KPIs per the EDIH call text summarised by ERRIN (DIGITAL-2023-EDIH-04-ASSOCIATED, https://errin.eu/calls/network-european-digital-innovation-hubs-associated-countries, read 11.2025)", confirmed: true },
    docs: "A draft may still lack them; a submission may not: Part B would say \"0 work packages\".",
    messages: {
      noWorkPackages: "The application has no work packages; Part B's work plan would be empty",
      noDeliverables: "Work package {{wp}} has no deliverables",
      noKpis: "The application has no KPIs; the hub's targets are part of the proposal",
      noBudgetLines: "The budget has no lines",
    },
  },
  options: z.strictObject({}),
  check({ application: app, stage }, _options, report) {
    const severity = stage === "submission" ? { severity: "error" as const } : {};
    if (app.work_packages.length === 0) {
      report({ messageId: "noWorkPackages", path: ["work_packages"], hint: "add work_packages: with id, title, lead, months and deliverables", ...severity });
    }
    app.work_packages.forEach((wp, i) => {
      if (wp.deliverables.length === 0) {
        report({ messageId: "noDeliverables", data: { wp: wp.id }, path: ["work_packages", i], hint: "add deliverables: [{ id, title, month, type, dissemination }]", ...severity });
      }
    });
    if (app.kpis.length === 0) {
      report({ messageId: "noKpis", path: ["kpis"], hint: "add kpis: [{ id, title, target }]", ...severity });
    }
    if (app.budget.lines.length === 0) {
      report({ messageId: "noBudgetLines", path: ["budget"], hint: "add one line per beneficiary under budget.lines", ...severity });
    }
  },
});
