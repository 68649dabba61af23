import rule from "../../src/rules/founders-minimum.js";
import { ruleTester } from "./tester.js";
import type { Fixture } from "./base.js";

const onlyFounders = (n: number) => (a: Fixture) => { a.partners.forEach((p, i) => { p.roles = i < n ? ["founder"] : ["beneficiary"]; }); };

ruleTester(rule, {
  valid: [
    { name: "four legal persons", patch: onlyFounders(4) },
    { name: "exactly three", patch: onlyFounders(3) },
    { name: "a foundation is not checked", patch: (a) => { onlyFounders(1)(a); a.hub.legal_entity.legal_form = "foundation"; } },
    // ЗЮЛНЦ governs associations seated in Bulgaria.
    { name: "an association seated in Italy", patch: (a) => { onlyFounders(1)(a); a.hub.region = "ITC4"; a.hub.legal_entity.seat = { city: "Milano", nuts3: "ITC4C" }; } },
    { name: "private benefit with three", patch: (a) => { onlyFounders(3)(a); a.hub.legal_entity.public_benefit = false; } },
  ],
  invalid: [
    { name: "two legal persons", patch: onlyFounders(2),
      errors: [{ messageId: "publicBenefit", data: { legal: 2, natural: 0, minLegal: 3, minNatural: 7 }, path: ["hub", "legal_entity"] }] },
    { name: "a ДЗЗД does not count", patch: (a) => { onlyFounders(3)(a); a.partners[2].legal_form = "dzzd"; }, errors: [{ messageId: "publicBenefit", data: { legal: 2, natural: 0 } }] },
    { name: "a sole trader counts as a natural person", patch: (a) => { onlyFounders(3)(a); a.partners[2].legal_form = "ЕТ"; }, errors: [{ messageId: "publicBenefit", data: { legal: 2, natural: 1 } }] },
    { name: "private benefit with two", patch: (a) => { onlyFounders(2)(a); a.hub.legal_entity.public_benefit = false; }, errors: [{ messageId: "privateBenefit", data: { count: 2, min: 3 } }] },
  ],
});
