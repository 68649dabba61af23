import rule from "../../src/rules/duration-matches-call.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "36 months" }],
  invalid: [
    { name: "24 months: a warning, the fact being unconfirmed", patch: (a) => { a.hub.duration_months = 24; },
      errors: [{ messageId: "mismatch", data: { months: 24, call: "DIGITAL-2021-EDIH-01", expected: 36 }, severity: "warning", path: ["hub", "duration_months"] }] },
    { name: "an error once the fact is confirmed", pack: (p) => { p.facts.duration_months!.status = "V"; }, patch: (a) => { a.hub.duration_months = 24; }, errors: [{ messageId: "mismatch", severity: "error" }] },
  ],
});
