import rule from "../../src/rules/narrative-limits.js";
import type { NarrativeFacts } from "../../src/rules/types.js";
import { ruleTester } from "./tester.js";

const abstract = (characters: number): NarrativeFacts => ({ documents: [{
  job: { document: "part-a", lang: "en", base: "en/part-a" }, slots: [{ id: "abstract" }],
  files: [{ slot: "abstract", path: "narrative/part-a/abstract.en.md", text: "x", words: 1, characters }],
}] });

ruleTester(rule, {
  valid: [
    { name: "no narrative" },
    { name: "exactly at the limit", narrative: abstract(2000) },
    { name: "a slot without a limit may be long", narrative: { documents: [{ job: { document: "part-b", lang: "en", base: "en/part-b" },
      slots: [{ id: "risks" }], files: [{ slot: "risks", path: "narrative/part-b/risks.en.md", text: "x", words: 1, characters: 90000 }] }] } },
  ],
  invalid: [
    { name: "over the Part A abstract limit, at the file, with the count", narrative: abstract(2150),
      errors: [{ messageId: "over", data: { slot: "part-a/abstract", count: 2150, max: 2000, fact: "part_a_abstract_max_chars" },
        file: "narrative/part-a/abstract.en.md", hint: "shorten it by 150 characters", severity: "error" }] },
  ],
});
