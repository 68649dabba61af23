import { describe, expect, it } from "vitest";
import rule from "../../src/rules/eik-checksum.js";
import { eikProblem, isValidEik } from "../../src/domain/eik.js";
import { ruleTester } from "./tester.js";

// Test vectors of the research note §4.1 (verified there by running the algorithm).
describe("ЕИК algorithm (research note §4.1 vectors)", () => {
  it.each(["020469788", "201355508", "201968703", "175074752", "831902088", "1213961230342"])("%s is valid", (eik) => {
    expect(isValidEik(eik)).toBe(true);
  });
  it.each([["123456789", "checksum-9"], ["175074751", "checksum-9"], ["1234567891234", "checksum-9"], ["000000000", "zeros"], ["12345", "format"]])(
    "%s is invalid (%s)", (eik, why) => { expect(eikProblem(eik)).toBe(why); });
  it("13 digits: parent valid, branch check digit wrong", () => {
    expect(eikProblem("1213961230343")).toBe("checksum-13");
  });
  it("strips an old letter suffix", () => { expect(isValidEik("201355508-Ю")).toBe(true); });
  it("does not accept a code where only the second weighted sum matches (C1's bug)", () => {
    // 17507475x: first sum is not 10, so only the first-weight check digit (2) may pass.
    for (let d = 0; d <= 9; d++) expect(isValidEik(`17507475${d}`)).toBe(d === 2);
  });
});

ruleTester(rule, {
  valid: [{ name: "valid 9-digit codes" }, { name: "valid 13-digit code", patch: (a) => { a.partners[0].eik = "1213961230342"; } }, { name: "missing is not this rule's business", patch: (a) => { a.partners[0].eik = null; } }],
  invalid: [
    { name: "wrong check digit", patch: (a) => { a.partners[1].eik = "175074751"; },
      errors: [{ message: 'Partner "uni": ЕИК 175074751 fails the ЕИК check digit (9th digit)', path: ["partners", 1, "eik"] }] },
    { name: "the hub's ЕИК", patch: (a) => { a.hub.legal_entity.eik = "123456789"; }, errors: [{ path: ["hub", "legal_entity", "eik"] }] },
    { name: "an ЕИК on an entity seated outside Bulgaria", patch: (a) => { a.partners[1].seat = { city: "Milano", nuts3: "ITC4C" }; },
      errors: [{ message: 'Partner "uni": eik: is a Bulgarian ЕИК/БУЛСТАТ, but the entity is seated in IT', path: ["partners", 1, "eik"] }] },
    { name: "13 digits", patch: (a) => { a.partners[0].eik = "1234567891234"; }, errors: [{ message: /fails the ЕИК check digit/ }] },
  ],
});
