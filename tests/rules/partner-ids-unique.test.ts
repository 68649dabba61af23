import rule from "../../src/rules/partner-ids-unique.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "distinct ids" }],
  invalid: [
    { name: "a repeated id", patch: (a) => { a.partners[3].id = "uni"; }, errors: [{ message: 'Partner id "uni" is used twice (partners 2 and 4)', path: ["partners", 3, "id"] }] },
  ],
});
