import rule from "../../src/rules/parta-limits.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "short texts" },
    { name: "exactly 200 characters of Cyrillic", patch: (a) => { a.hub.project_title = { en: "x", bg: "ж".repeat(200) }; } },
  ],
  invalid: [
    { name: "a long title in English", patch: (a) => { a.hub.project_title = { en: "x".repeat(201), bg: "кратко" }; },
      errors: [{ message: "Project title (en) has 201 characters; the limit is 200", path: ["hub", "project_title", "en"] }] },
    { name: "a long abstract as a plain string", patch: (a) => { a.hub.summary = "a".repeat(2001); }, errors: [{ message: /Abstract \(summary\) has 2001 characters; the limit is 2000/, path: ["hub", "summary"] }] },
    { name: "keywords", patch: (a) => { a.hub.keywords = "k".repeat(250); }, errors: [{ message: /Keywords has 250/ }] },
  ],
});
