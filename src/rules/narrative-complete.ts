import { z } from "zod";
import { defineRule } from "./types.js";

const meta = {
  id: "narrative-complete",
  description: "Every slot of every document has its text (a narrative file, or the YAML field the template takes it from).",
  defaultSeverity: "warning",
  source: { text: "none known as a written rule — edih's own completeness check: evaluators score what Part B says against the award criteria (Funding & Tenders Portal Online Manual, “Award criteria”, https://webgate.ec.europa.eu/funding-tenders-opportunities/display/OM/Award+criteria, undated page, read 11.2025)", confirmed: true },
  messages: {
    emptyOne: "{{document}} ({{lang}}): 1 empty slot: {{list}}",
    empty: "{{document}} ({{lang}}): {{count}} empty slots: {{list}}",
  },
} as const;

export default defineRule({
  meta,
  options: z.strictObject({}),
  check({ narrative, stage }, _options, report) {
    if (!narrative) return;
    for (const { job, slots, files } of narrative.documents) {
      const written = new Set(files.filter((f) => f.text.trim() !== "").map((f) => f.slot));
      const empty = slots.filter((s) => !s.fromYaml && !written.has(s.id)).map((s) => s.id);
      if (!empty.length) continue;
      const folder = ["narrative", job.document, ...(job.partner ? [job.partner] : [])].join("/");
      const document = job.partner ? `${job.document} for ${job.partner}` : job.document;
      report({
        ...(empty.length === 1
          ? { messageId: "emptyOne" as const, data: { document, lang: job.lang, list: empty[0]! } }
          : { messageId: "empty" as const, data: { document, lang: job.lang, count: empty.length, list: empty.join(", ") } }),
        path: ["narrative", job.base], file: folder,
        hint: `write ${folder}/<slot>.${job.lang}.md for each (\`edih narrative status\` lists them)`,
        // A draft may still have gaps; a submission may not.
        severity: stage === "submission" ? "error" : "warning",
      });
    }
  },
});
