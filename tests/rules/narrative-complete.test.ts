import rule from "../../src/rules/narrative-complete.js";
import type { NarrativeFacts } from "../../src/rules/types.js";
import { ruleTester } from "./tester.js";

type Doc = NarrativeFacts["documents"][number];
const file = (slot: string, text = "Some text.") => ({ slot, path: `narrative/part-b/${slot}.en.md`, text, words: 2, characters: 10 });
const partB = (slots: Doc["slots"], files: Doc["files"] = []): Doc =>
  ({ job: { document: "part-b", lang: "en", base: "en/part-b" }, slots, files });
const letter = (partner: string, files: Doc["files"] = []): Doc =>
  ({ job: { document: "commitment-letter", lang: "bg", partner, base: `bg/commitment-letter-${partner}` }, slots: [{ id: "contribution" }], files });
const facts = (...documents: Doc[]): NarrativeFacts => ({ documents });

ruleTester(rule, {
  valid: [
    { name: "no narrative facts (validation did not read them)" },
    { name: "every slot has a file", narrative: facts(partB([{ id: "summary" }, { id: "risks" }], [file("summary"), file("risks")])) },
    { name: "a slot filled from YAML needs no file", narrative: facts(partB([{ id: "summary", fromYaml: "hub.summary" }])) },
    { name: "a document without slots", narrative: facts(partB([])) },
  ],
  invalid: [
    { name: "empty slots: one warning per document at draft, listing them",
      narrative: facts(partB([{ id: "summary" }, { id: "needs-analysis" }, { id: "risks" }], [file("summary")])),
      errors: [{ messageId: "empty", data: { document: "part-b", lang: "en", count: 2, list: "needs-analysis, risks" }, severity: "warning", file: "narrative/part-b", path: ["narrative", "en/part-b"] }] },
    { name: "the same is an error at submission", stage: "submission",
      narrative: facts(partB([{ id: "risks" }])),
      errors: [{ messageId: "emptyOne", data: { document: "part-b", lang: "en", list: "risks" }, severity: "error" }] },
    { name: "a file of only whitespace is still empty",
      narrative: facts(partB([{ id: "risks" }], [file("risks", "  \n\n ")])),
      errors: [{ messageId: "emptyOne", data: { list: "risks" } }] },
    { name: "per-partner documents: one diagnostic per partner's copy, at its folder",
      narrative: facts(letter("bia"), letter("brait", [{ ...file("contribution"), path: "narrative/commitment-letter/brait/contribution.bg.md" }]), letter("telelink-city")),
      errors: [{ messageId: "emptyOne", data: { document: "commitment-letter for bia", lang: "bg", list: "contribution" }, file: "narrative/commitment-letter/bia" },
        { messageId: "emptyOne", data: { document: "commitment-letter for telelink-city" }, file: "narrative/commitment-letter/telelink-city" }] },
  ],
});
