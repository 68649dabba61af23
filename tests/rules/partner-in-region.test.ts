import rule from "../../src/rules/partner-in-region.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "seats in the region, or a branch there" },
    { name: "silent while the hub region itself is wrong", patch: (a) => { a.hub.region = "BG344"; a.partners[3].branches = []; } },
    { name: "seat outside, branch inside", patch: (a) => { a.partners[1].seat = { city: "Пловдив", nuts3: "BG421" }; a.partners[1].branches = [{ city: "Сливен", nuts3: "BG342" }]; } },
  ],
  invalid: [
    { name: "seated in Sofia without a branch", patch: (a) => { a.partners[3].id = "pro-drone-sys"; a.partners[3].branches = []; a.budget.lines[2].partner = "pro-drone-sys"; },
      errors: [{ messageId: "outside", data: { who: 'Partner "pro-drone-sys"', seat: "BG411", region: "BG34" }, path: ["partners", 3, "seat", "nuts3"], severity: "warning" }] },
    { name: "a national body", patch: (a) => { a.partners[3].branches = []; a.partners[3].national = true; },
      errors: [{ messageId: "outside", data: { who: 'Partner "firm" (a national body)', seat: "BG411" }, hint: /national bodies/ }] },
    { name: "branch outside too", patch: (a) => { a.partners[3].branches = [{ city: "Варна", nuts3: "BG331" }]; }, errors: [{ messageId: "outside", data: { who: 'Partner "firm"', seat: "BG411" } }] },
    { name: "no NUTS 3 at all: info", patch: (a) => { a.partners[0].seat = { city: "Стара Загора" }; },
      errors: [{ messageId: "unknownSeat", data: { who: 'Partner "town"', region: "BG34" }, severity: "info" }] },
  ],
});
