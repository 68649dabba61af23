import rule from "../../src/rules/pic-format.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "9 digits" }, { name: "leading zero kept", patch: (a) => { a.partners[1].pic = "012345678"; } }],
  invalid: [
    { name: "8 digits", patch: (a) => { a.partners[1].pic = "12345678"; }, errors: [{ messageId: "notNineDigits", data: { who: 'Partner "uni"', pic: "12345678" }, path: ["partners", 1, "pic"] }] },
    { name: "letters", patch: (a) => { a.partners[2].pic = "PIC123456"; }, errors: [{ messageId: "notNineDigits", path: ["partners", 2, "pic"] }] },
    { name: "the hub's PIC", patch: (a) => { a.hub.legal_entity.pic = "1"; }, errors: [{ messageId: "notNineDigits", data: { who: "The hub's legal entity", pic: "1" }, path: ["hub", "legal_entity", "pic"] }] },
  ],
});
