import rule from "../../src/rules/parta-limits.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "short texts" },
    { name: "exactly 200 characters of Cyrillic", patch: (a) => { a.hub.project_title = { en: "x", bg: "ж".repeat(200) }; } },
  ],
  invalid: [
    { name: "a long title in English", patch: (a) => { a.hub.project_title = { en: "x".repeat(201), bg: "кратко" }; },
      errors: [{ messageId: "tooLongLang", data: { field: "Project title", lang: "en", count: 201, max: 200 }, path: ["hub", "project_title", "en"] }] },
    { name: "a long abstract as a plain string", patch: (a) => { a.hub.summary = "a".repeat(2001); }, errors: [{ messageId: "tooLong", data: { field: "Abstract (summary)", count: 2001, max: 2000 }, path: ["hub", "summary"] }] },
    { name: "keywords", patch: (a) => { a.hub.keywords = "k".repeat(250); }, errors: [{ messageId: "tooLong", data: { field: "Keywords", count: 250 } }] },
  ],
});
