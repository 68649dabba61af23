import rule from "../../src/rules/service-families.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "all four" }, { name: "a pack asking for fewer", options: { families: ["test-before-invest"] }, patch: (a) => { a.services = a.services.slice(0, 1); } }],
  invalid: [
    { name: "no investment support", patch: (a) => { a.services = a.services.filter((s) => s.family !== "support-to-find-investments"); },
      errors: [{ messageId: "missingFamily", data: { family: "support-to-find-investments" }, path: ["services"] }] },
    { name: "no services", patch: (a) => { a.services = []; }, errors: ["test-before-invest", "skills-and-training", "support-to-find-investments", "ecosystem-and-networking"].map((family) => ({ messageId: "missingFamily", data: { family } })) },
  ],
});
