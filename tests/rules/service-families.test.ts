import rule from "../../src/rules/service-families.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "all four" }, { name: "a pack asking for fewer", options: { families: ["test-before-invest"] }, patch: (a) => { a.services = a.services.slice(0, 1); } }],
  invalid: [
    { name: "no investment support", patch: (a) => { a.services = a.services.filter((s) => s.family !== "support-to-find-investments"); },
      errors: [{ message: "No service in the family support-to-find-investments; an EDIH offers all four families", path: ["services"] }] },
    { name: "no services", patch: (a) => { a.services = []; }, errors: [{}, {}, {}, {}] },
  ],
});
