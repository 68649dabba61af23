import rule from "../../src/rules/nuts3-valid.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "base (seats and a branch in real districts)" },
    { name: "Sofia city in BG411 (capital)", patch: (a) => { a.partners[0].seat = { city: "София", nuts3: "BG411" }; } },
    { name: "a village not named after a district", patch: (a) => { a.partners[0].seat = { city: "Мъглиж", nuts3: "BG344" }; } },
    { name: "a foreign place with its country", patch: (a) => { a.partners[0].seat = { city: "Wien", nuts3: "AT130", country: "AT" }; } },
    { name: "no nuts3 given", patch: (a) => { a.partners[0].seat = { city: "Стара Загора" }; } },
    // The NUTS code says the country: a place in Milan needs no `country: IT`.
    { name: "a foreign place without country:", patch: (a) => { a.partners[0].seat = { city: "Milano", nuts3: "ITC4C" }; } },
    { name: "Greece: NUTS EL, ISO GR", patch: (a) => { a.partners[0].seat = { city: "Athina", nuts3: "EL303", country: "GR" }; } },
  ],
  invalid: [
    { name: "unknown code", patch: (a) => { a.partners[1].seat.nuts3 = "BG345"; },
      errors: [{ messageId: "unknown", data: { who: 'Partner "uni"', code: "BG345", version: "2024" }, path: ["partners", 1, "seat", "nuts3"] }] },
    { name: "a NUTS 2 code as nuts3", patch: (a) => { a.hub.legal_entity.seat.nuts3 = "BG34"; },
      errors: [{ messageId: "wrongLevel", data: { who: "The hub's legal entity", code: "BG34", level: 2 }, hint: /BG341, BG342, BG343, BG344/ }] },
    { name: "Extra-Regio", patch: (a) => { a.partners[3].branches![0].nuts3 = "BGZZZ"; },
      errors: [{ messageId: "extraRegio", data: { who: 'A branch of partner "firm"', code: "BGZZZ" }, path: ["partners", 3, "branches", 0, "nuts3"] }] },
    { name: "code contradicting country:", patch: (a) => { a.partners[0].seat = { city: "Wien", nuts3: "AT130", country: "BG" }; },
      errors: [{ messageId: "countryMismatch", data: { code: "AT130", nutsCountry: "AT", country: "BG" }, path: ["partners", 0, "seat", "country"] }] },
    { name: "city named after another district", patch: (a) => { a.partners[0].seat = { city: "Пловдив", nuts3: "BG344" }; },
      errors: [{ messageId: "cityMismatch", data: { city: "Пловдив", districts: "BG421", code: "BG344" }, severity: "warning" }] },
    { name: "Latin city name", patch: (a) => { a.partners[0].seat = { city: { en: "Burgas", bg: "Бургас" }, nuts3: "BG344" }; },
      errors: [{ messageId: "cityMismatch", data: { districts: "BG341" } }] },
  ],
});
