import rule from "../../src/rules/hub-region-nuts2.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "BG34 (South-East)", patch: (a) => { a.hub.region = "BG34"; } },
    { name: "a NUTS 2 region of another country", patch: (a) => { a.hub.region = "AT11"; } },
    { name: "BG41 with countries [BG]", options: { countries: ["BG"] }, patch: (a) => { a.hub.region = "BG41"; } },
  ],
  invalid: [
    { name: "a NUTS 3 code", patch: (a) => { a.hub.region = "BG344"; },
      errors: [{ messageId: "wrongLevel", data: { code: "BG344", level: 3 }, path: ["hub", "region"], hint: /region: BG34/ }] },
    { name: "a NUTS 1 code", patch: (a) => { a.hub.region = "BG3"; }, errors: [{ messageId: "wrongLevel", data: { code: "BG3", level: 1 } }] },
    { name: "Extra-Regio", patch: (a) => { a.hub.region = "BGZZ"; }, errors: [{ messageId: "extraRegio", data: { code: "BGZZ" } }] },
    { name: "a code that does not exist, with a suggestion", patch: (a) => { a.hub.region = "BG35"; },
      errors: [{ messageId: "unknown", data: { code: "BG35", version: "2024" }, hint: /did you mean "BG3[0-9]"/ }] },
    { name: "outside the countries the call selects in", options: { countries: ["BG"] }, patch: (a) => { a.hub.region = "AT11"; },
      errors: [{ messageId: "outsideCountries", data: { code: "AT11", countries: "BG" } }] },
  ],
});
