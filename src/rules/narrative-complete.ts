import { z } from "zod";
import { defineRule, formatMessage, type RuleMeta } from "./types.js";

const meta: RuleMeta = {
  id: "narrative-complete",
  description: "Every slot of every document has its text (a narrative file, or the YAML field the template takes it from).",
  defaultSeverity: "warning",
  source: { text: "An application is submitted complete: evaluators score the narrative sections of Part B", confirmed: true },
  messages: {
    empty: "{{document}} ({{lang}}): {{count}} empty {{slots}}: {{list}}",
  },
};

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
        message: formatMessage(meta, "empty", { document, lang: job.lang, count: empty.length, slots: empty.length === 1 ? "slot" : "slots", list: empty.join(", ") }),
        path: ["narrative", job.base], file: folder,
        hint: `write ${folder}/<slot>.${job.lang}.md for each (\`edih narrative status\` lists them)`,
        // A draft may still have gaps; a submission may not.
        severity: stage === "submission" ? "error" : "warning",
      });
    }
  },
});
