import rule from "../../src/rules/partner-ids-unique.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "distinct ids" }],
  invalid: [
    { name: "a repeated id", patch: (a) => { a.partners[3].id = "uni"; }, errors: [{ messageId: "duplicate", data: { partner: "uni", first: 2, second: 4 }, path: ["partners", 3, "id"] }] },
  ],
});
