import rule from "../../src/rules/single-coordinator.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "one coordinator" }],
  invalid: [
    { name: "none", patch: (a) => { a.partners[2].roles = ["founder"]; }, errors: [{ messageId: "none", path: ["partners"] }] },
    { name: "two", patch: (a) => { a.partners[3].roles = ["coordinator"]; },
      errors: [{ messageId: "second", data: { partner: "firm", first: "chamber" }, path: ["partners", 3, "roles"] }] },
  ],
});
