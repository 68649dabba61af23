import { z } from "zod";
import { defineRule, formatMessage, type RuleMeta } from "./types.js";

const meta: RuleMeta = {
  id: "narrative-limits",
  description: "A narrative slot with a limit in the call pack (Part A abstract) stays within it.",
  defaultSeverity: "error",
  source: { text: "Limits of the call pack's `slots:`, each taken from a fact with its own source", confirmed: true },
  facts: ["part_a_abstract_max_chars"],
  messages: {
    over: "{{slot}} has {{count}} characters; the limit is {{max}} ({{fact}})",
  },
};

export default defineRule({
  meta,
  options: z.strictObject({}),
  check({ narrative, callPack }, _options, report) {
    if (!narrative) return;
    const seen = new Set<string>();
    for (const { job, files } of narrative.documents) {
      const limit = (slot: string) => callPack.slots[`${job.document}/${slot}`];
      for (const f of files) {
        const l = limit(f.slot);
        if (!l || f.characters <= l.max_chars || seen.has(f.path)) continue;
        seen.add(f.path);
        report({ message: formatMessage(meta, "over", { slot: `${job.document}/${f.slot}`, count: f.characters, max: l.max_chars, fact: l.fact }),
          path: ["narrative", job.base, f.slot], file: f.path, hint: `shorten it by ${f.characters - l.max_chars} characters` });
      }
    }
  },
});
