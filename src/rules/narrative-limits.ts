import { z } from "zod";
import { defineRule } from "./types.js";

const meta = {
  id: "narrative-limits",
  description: "A narrative slot with a limit in the call pack (Part A abstract) stays within it.",
  defaultSeverity: "error",
  source: { text: "the limits of the call pack's `slots:`, each a call-pack fact with its own dated source (`edih rules --call <id> --format json` and data/calls/); the Part A abstract's 2 000 characters: Funding & Tenders Portal Part A template (copy of the administrative forms at fdocuments.in, read 11.2025)", confirmed: true },
  facts: ["part_a_abstract_max_chars"] as const,
  messages: {
    over: "{{slot}} has {{count}} characters; the limit is {{max}} ({{fact}})",
  },
} as const;

export default defineRule({
  meta,
  options: z.strictObject({}),
  check({ narrative, callPack }, _options, report) {
    if (!narrative) return;
    const seen = new Set<string>();
    for (const { job, files } of narrative.documents) {
      // Slot names come from file names: an own-property lookup, so no name reaches Object.prototype.
      const limit = (slot: string) => { const key = `${job.document}/${slot}`; return Object.hasOwn(callPack.slots, key) ? callPack.slots[key] : undefined; };
      for (const f of files) {
        const l = limit(f.slot);
        if (!l || f.characters <= l.max_chars || seen.has(f.path)) continue;
        seen.add(f.path);
        report({ messageId: "over", data: { slot: `${job.document}/${f.slot}`, count: f.characters, max: l.max_chars, fact: l.fact },
          path: ["narrative", job.base, f.slot], file: f.path, hint: `shorten it by ${f.characters - l.max_chars} characters` });
      }
    }
  },
});
