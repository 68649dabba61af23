import rule from "../../src/rules/service-families.js";
import { ruleTester } from "./tester.js";

const FAMILIES = ["test-before-invest", "skills-and-training", "support-to-find-investments", "ecosystem-and-networking"];

ruleTester(rule, {
  valid: [
    { name: "all four" },
    { name: "all four at submission", stage: "submission" },
    { name: "a pack asking for fewer", options: { families: ["test-before-invest"] }, patch: (a) => { a.services = a.services.slice(0, 1); } },
  ],
  invalid: [
    { name: "no investment support in a draft: a warning", patch: (a) => { a.services = a.services.filter((s) => s.family !== "support-to-find-investments"); },
      errors: [{ messageId: "missingFamily", data: { family: "support-to-find-investments" }, path: ["services"], severity: "warning" }] },
    { name: "the same at submission: an error", stage: "submission", patch: (a) => { a.services = a.services.filter((s) => s.family !== "support-to-find-investments"); },
      errors: [{ messageId: "missingFamily", data: { family: "support-to-find-investments" }, severity: "error" }] },
    { name: "no services in a draft (init's skeleton): four warnings", patch: (a) => { a.services = []; },
      errors: FAMILIES.map((family) => ({ messageId: "missingFamily", data: { family }, severity: "warning" as const })) },
    { name: "under the national pack too", call: "BG-EDIH-PRESELECTION-2021", stage: "submission", patch: (a) => { a.services = a.services.slice(1); },
      errors: [{ messageId: "missingFamily", data: { family: "test-before-invest" }, severity: "error" }] },
  ],
});
