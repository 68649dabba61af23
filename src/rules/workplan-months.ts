import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "workplan-months",
    description: "Work packages run within months 1..duration with start ≤ end; deliverables and milestones fall inside their work package.",
    defaultSeverity: "error",
    source: { text: "none known — edih's own consistency check: work packages, deliverables and milestones are dated in project months 1..duration (the Part B template was not consulted)", confirmed: true },
    messages: {
      startsBeforeOne: "{{wp}} starts in month {{month}}; months count from 1",
      endsAfterProject: "{{wp}} ends in month {{month}}, after the project's {{duration}} months",
      startsAfterEnd: "{{wp}} starts in month {{start}}, after it ends (month {{end}})",
      outside: "{{kind}} {{id}} is due in month {{month}}, outside {{wp}} (months {{start}}–{{end}})",
    },
  },
  options: z.strictObject({}),
  check({ application: app }, _options, report) {
    const duration = app.hub.duration_months;
    app.work_packages.forEach((wp, i) => {
      const at = (k: string) => ["work_packages", i, k];
      if (wp.start_month < 1) report({ messageId: "startsBeforeOne", data: { wp: wp.id, month: wp.start_month }, path: at("start_month") });
      if (wp.end_month > duration) report({ messageId: "endsAfterProject", data: { wp: wp.id, month: wp.end_month, duration }, path: at("end_month") });
      if (wp.start_month > wp.end_month) {
        report({ messageId: "startsAfterEnd", data: { wp: wp.id, start: wp.start_month, end: wp.end_month }, path: at("start_month") });
        return;
      }
      const inside = (kind: string, id: string, month: number, path: (string | number)[]): void => {
        if (month < Math.max(1, wp.start_month) || month > Math.min(duration, wp.end_month)) {
          report({ messageId: "outside", data: { kind, id, month, wp: wp.id, start: wp.start_month, end: wp.end_month }, path, hint: `move it into months ${wp.start_month}–${Math.min(duration, wp.end_month)}` });
        }
      };
      wp.deliverables.forEach((d, j) => inside("Deliverable", d.id, d.month, ["work_packages", i, "deliverables", j, "month"]));
      wp.milestones.forEach((m, j) => inside("Milestone", m.id, m.month, ["work_packages", i, "milestones", j, "month"]));
    });
  },
});
