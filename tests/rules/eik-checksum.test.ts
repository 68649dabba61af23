import { describe, expect, it } from "vitest";
import rule from "../../src/rules/eik-checksum.js";
import { eikProblem, isValidEik } from "../../src/domain/eik.js";
import { ruleTester } from "./tester.js";

// Test vectors of the ЕИК algorithm (published valid codes and known-bad ones, cross-checked with
// st0yanov/eik_validator and python-stdnum).
describe("ЕИК algorithm (test vectors)", () => {
  it.each(["020469788", "201355508", "201968703", "175074752", "831902088", "1213961230342"])("%s is valid", (eik) => {
    expect(isValidEik(eik)).toBe(true);
  });
  it.each([["123456789", "checksum-9"], ["175074751", "checksum-9"], ["1234567891234", "checksum-9"], ["000000000", "zeros"], ["12345", "format"]])(
    "%s is invalid (%s)", (eik, why) => { expect(eikProblem(eik)).toBe(why); });
  it("13 digits: parent valid, branch check digit wrong", () => {
    expect(eikProblem("1213961230343")).toBe("checksum-13");
  });
  it("strips an old letter suffix", () => { expect(isValidEik("201355508-Ю")).toBe(true); });
  it("does not accept a code where only the second weighted sum matches (a bug of one public implementation)", () => {
    // 17507475x: first sum is not 10, so only the first-weight check digit (2) may pass.
    for (let d = 0; d <= 9; d++) expect(isValidEik(`17507475${d}`)).toBe(d === 2);
  });
});

ruleTester(rule, {
  valid: [{ name: "valid 9-digit codes" }, { name: "valid 13-digit code", patch: (a) => { a.partners[0].eik = "1213961230342"; } }, { name: "missing is not this rule's business", patch: (a) => { a.partners[0].eik = null; } }],
  invalid: [
    { name: "wrong check digit", patch: (a) => { a.partners[1].eik = "175074751"; },
      errors: [{ messageId: "checksum-9", data: { who: 'Partner "uni"', eik: "175074751" }, path: ["partners", 1, "eik"] }] },
    { name: "the hub's ЕИК", patch: (a) => { a.hub.legal_entity.eik = "123456789"; }, errors: [{ messageId: "checksum-9", path: ["hub", "legal_entity", "eik"] }] },
    { name: "an ЕИК on an entity seated outside Bulgaria", patch: (a) => { a.partners[1].seat = { city: "Milano", nuts3: "ITC4C" }; },
      errors: [{ messageId: "notBulgarian", data: { who: 'Partner "uni"', country: "IT" }, path: ["partners", 1, "eik"] }] },
    { name: "13 digits", patch: (a) => { a.partners[0].eik = "1234567891234"; }, errors: [{ messageId: "checksum-9" }] },
    { name: "a 13-digit code whose branch digit is wrong", patch: (a) => { a.partners[0].eik = "1213961230343"; }, errors: [{ messageId: "checksum-13" }] },
    { name: "all zeros", patch: (a) => { a.partners[0].eik = "000000000"; }, errors: [{ messageId: "zeros" }] },
  ],
});
