import { describe, expect, it } from "vitest";
import rule from "../../src/rules/vat-bg.js";
import { bgVatProblem, isValidEgn, isValidPnf } from "../../src/rules/lib/vat.js";
import { ruleTester } from "./tester.js";

// Test vectors of the research note §4.2.
describe("Bulgarian VAT algorithm (research note §4.2 vectors)", () => {
  it("BG175074752 valid, BG175074751 invalid", () => {
    expect(bgVatProblem("BG175074752")).toBeUndefined();
    expect(bgVatProblem("BG175074751")).toBe("checksum");
  });
  it("ЕГН 8032056031 and 7523169263 are valid", () => {
    expect(isValidEgn("8032056031")).toBe(true);
    expect(isValidEgn("7523169263")).toBe(true);
    expect(bgVatProblem("BG7523169263")).toBeUndefined();
  });
  it("ЛНЧ 7111042925 valid, 7111042922 invalid", () => {
    expect(isValidPnf("7111042925")).toBe(true);
    expect(isValidPnf("7111042922")).toBe(false);
  });
  it("format", () => { expect(bgVatProblem("BG12345")).toBe("format"); expect(bgVatProblem("175074752")).toBe("format"); });
});

ruleTester(rule, {
  valid: [
    { name: "BG + valid ЕИК" },
    { name: "spaces are ignored", patch: (a) => { a.partners[1].vat = "BG 201 355 508"; } },
    { name: "foreign VAT of a foreign partner", patch: (a) => { a.partners[1].vat = "ATU12345678"; a.partners[1].seat = { city: "Wien", country: "AT" }; } },
  ],
  invalid: [
    { name: "bad checksum", patch: (a) => { a.partners[1].vat = "BG175074751"; },
      errors: [{ message: 'Partner "uni": VAT number BG175074751 fails its check digit', path: ["partners", 1, "vat"] }] },
    { name: "missing BG prefix", patch: (a) => { a.partners[1].vat = "201355508"; }, errors: [{ message: /is not BG followed by 9 or 10 digits/ }] },
  ],
});
