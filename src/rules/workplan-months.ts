import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "workplan-months",
    description: "Work packages run within months 1..duration with start ≤ end; deliverables and milestones fall inside their work package.",
    defaultSeverity: "error",
    source: { text: "Digital Europe Part B template, section 4: tasks, deliverables and milestones dated in project months; template not consulted in this version", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application: app }, _options, report) {
    const duration = app.hub.duration_months;
    app.work_packages.forEach((wp, i) => {
      const at = (k: string) => ["work_packages", i, k];
      if (wp.start_month < 1) report({ message: `${wp.id} starts in month ${wp.start_month}; months count from 1`, path: at("start_month") });
      if (wp.end_month > duration) report({ message: `${wp.id} ends in month ${wp.end_month}, after the project's ${duration} months`, path: at("end_month") });
      if (wp.start_month > wp.end_month) {
        report({ message: `${wp.id} starts in month ${wp.start_month}, after it ends (month ${wp.end_month})`, path: at("start_month") });
        return;
      }
      const inside = (kind: string, id: string, month: number, path: (string | number)[]): void => {
        if (month < Math.max(1, wp.start_month) || month > Math.min(duration, wp.end_month)) {
          report({ message: `${kind} ${id} is due in month ${month}, outside ${wp.id} (months ${wp.start_month}–${wp.end_month})`, path, hint: `move it into months ${wp.start_month}–${Math.min(duration, wp.end_month)}` });
        }
      };
      wp.deliverables.forEach((d, j) => inside("Deliverable", d.id, d.month, ["work_packages", i, "deliverables", j, "month"]));
      wp.milestones.forEach((m, j) => inside("Milestone", m.id, m.month, ["work_packages", i, "milestones", j, "month"]));
    });
  },
});
