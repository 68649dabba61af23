import rule from "../../src/rules/single-coordinator.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "one coordinator" }],
  invalid: [
    { name: "none", patch: (a) => { a.partners[2].roles = ["founder"]; }, errors: [{ message: /No partner has the role coordinator/, path: ["partners"] }] },
    { name: "two", patch: (a) => { a.partners[3].roles = ["coordinator"]; },
      errors: [{ message: 'Partner "firm" is a second coordinator (the first is "chamber"); the EU proposal has exactly one', path: ["partners", 3, "roles"] }] },
  ],
});
