import rule from "../../src/rules/places-transliterated.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "Bulgarian only: no English document to transliterate for", patch: (a) => { a.languages = ["bg"]; } },
    {
      name: "every place has its English form or is Latin already",
      patch: (a) => {
        a.hub.legal_entity.seat.city = { bg: "Стара Загора", en: "Stara Zagora" };
        for (const p of a.partners) p.seat.city = { bg: "Град", en: "Grad" };
      },
    },
  ],
  invalid: [
    {
      name: "places given only in Cyrillic: said once, each name once, with its transliteration",
      errors: [{
        messageId: "transliterated", severity: "info",
        data: { count: "3", places: "Стара Загора → Stara Zagora, Бургас → Burgas, Ямбол → Yambol" },
        path: ["hub", "legal_entity", "seat", "city"],
      }],
      patch: (a) => {
        for (const p of a.partners) p.seat.city = p.seat.city === "Sofia" ? "Sofia" : p.seat.city;
        a.partners.push({ ...structuredClone(a.partners[a.partners.length - 1]), id: "yambol-firm", eik: "831641791", seat: { city: { bg: "Ямбол" }, nuts3: "BG343" } });
      },
    },
  ],
});
