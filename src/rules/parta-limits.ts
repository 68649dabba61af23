import { z } from "zod";
import type { Multilingual } from "../schema/common.js";
import { defineRule } from "./types.js";
import { variants } from "./lib/text.js";

const FIELDS = [
  { key: "project_title", fact: "part_a_title_max_chars", label: "Project title" },
  { key: "summary", fact: "part_a_abstract_max_chars", label: "Abstract (summary)" },
  { key: "keywords", fact: "part_a_keywords_max_chars", label: "Keywords" },
] as const;

export default defineRule({
  meta: {
    id: "parta-limits",
    description: "Part A title, abstract and keywords fit the portal's character limits.",
    defaultSeverity: "error",
    source: { text: "Funding & Tenders Portal Part A: title ≤ 200, abstract ≤ 2000, keywords ≤ 200 characters (a Portal Part A template, copy of the administrative forms at https://fdocuments.in/document/hercule-iii-programme-proposal-hercule-iii-programme-proposal-template-administrative.html, read 11.2025)", confirmed: true },
    facts: FIELDS.map((f) => f.fact),
    messages: {
      tooLong: "{{field}} has {{count}} characters; the limit is {{max}}",
      tooLongLang: "{{field}} ({{lang}}) has {{count}} characters; the limit is {{max}}",
    },
  },
  options: z.strictObject({}),
  check({ application, callPack }, _options, report) {
    for (const f of FIELDS) {
      const max = callPack.facts[f.fact]?.value;
      if (typeof max !== "number") continue;
      for (const v of variants(application.hub[f.key] as Multilingual | undefined)) {
        const n = [...v.text].length; // characters, not UTF-16 units
        if (n > max) {
          report({
            ...(v.lang ? { messageId: "tooLongLang" as const, data: { field: f.label, lang: v.lang, count: n, max } } : { messageId: "tooLong" as const, data: { field: f.label, count: n, max } }),
            path: v.lang ? ["hub", f.key, v.lang] : ["hub", f.key], hint: `shorten it by ${n - max} characters`,
          });
        }
      }
    }
  },
});
