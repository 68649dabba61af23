import { describe, expect, it } from "vitest";
import rule from "../../src/rules/vat-valid.js";
import { bgVatProblem, isValidEgn, isValidPnf } from "../../src/domain/vat.js";
import { checkEuVat } from "../../src/rules/lib/eu-vat.js";
import { ruleTester } from "./tester.js";

// Test vectors of python-stdnum's stdnum/bg/vat.py, egn.py and pnf.py.
describe("Bulgarian VAT algorithm (test vectors)", () => {
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

describe("EU VAT numbers (jsvat for member states other than Bulgaria)", () => {
  it("checks each country's check digits, and tells a wrong digit from a wrong shape", () => {
    expect(checkEuVat("IT00743110157")).toEqual({ compact: "IT00743110157", country: "IT" });
    expect(checkEuVat("IT00743110158").problem).toBe("checksum");
    expect(checkEuVat("IT0074311015").problem).toBe("format");
    expect(checkEuVat("PT501964843")).toEqual({ compact: "PT501964843", country: "PT" });
    expect(checkEuVat("PT501964844").problem).toBe("checksum");
    expect(checkEuVat("ATU13585627").country).toBe("AT");
    expect(checkEuVat("BG175074751").problem).toBe("checksum");
  });
  it("Greek numbers start EL (ISO GR); GR, non-EU and missing prefixes are refused", () => {
    expect(checkEuVat("EL094259216")).toEqual({ compact: "EL094259216", country: "GR" });
    expect(checkEuVat("GR094259216").problem).toBe("prefix");
    expect(checkEuVat("CHE123456789").problem).toBe("prefix");
    expect(checkEuVat("00743110157").problem).toBe("prefix");
  });
});

const inMilan = { city: "Milano", nuts3: "ITC4C" };

ruleTester(rule, {
  valid: [
    { name: "BG + valid ЕИК" },
    { name: "an Italian partner's partita IVA, its country from the NUTS code", patch: (a) => { a.partners[1].eik = null; a.partners[1].vat = "IT00743110157"; a.partners[1].seat = inMilan; } },
    { name: "an Austrian partner with country:", patch: (a) => { a.partners[1].eik = null; a.partners[1].vat = "ATU13585627"; a.partners[1].seat = { city: "Wien", country: "AT" }; } },
    { name: "the hub's entity has a VAT number too", patch: (a) => { a.hub.legal_entity.vat = "BG201968703"; } },
  ],
  invalid: [
    { name: "bad checksum", patch: (a) => { a.partners[1].vat = "BG175074751"; },
      errors: [{ messageId: "checksum", data: { who: 'Partner "uni"', vat: "BG175074751" }, path: ["partners", 1, "vat"] }] },
    { name: "wrong check digit of an Italian number", patch: (a) => { a.partners[1].eik = null; a.partners[1].vat = "IT00743110158"; a.partners[1].seat = inMilan; },
      errors: [{ messageId: "checksum", data: { vat: "IT00743110158" }, path: ["partners", 1, "vat"] }] },
    { name: "missing prefix", patch: (a) => { a.partners[1].vat = "201355508"; },
      errors: [{ messageId: "prefix", data: { vat: "201355508" }, hint: /BG…/ }] },
    { name: "a Bulgarian number on a partner seated in Italy", patch: (a) => { a.partners[1].eik = null; a.partners[1].seat = inMilan; },
      errors: [{ messageId: "otherCountry", data: { vat: "BG201355508", vatCountry: "BG", country: "IT" }, path: ["partners", 1, "vat"], hint: /starts with IT/ }] },
    { name: "an Italian number on a partner seated in Bulgaria", patch: (a) => { a.partners[1].vat = "IT00743110157"; },
      errors: [{ messageId: "otherCountry", data: { vatCountry: "IT", country: "BG" } }] },
    { name: "shape of another country's number", patch: (a) => { a.partners[1].eik = null; a.partners[1].vat = "PT12345"; a.partners[1].seat = { city: "Porto", nuts3: "PT11A" }; },
      errors: [{ messageId: "format", data: { vat: "PT12345", country: "PT" } }] },
    { name: "written with spaces: read without them, with a warning", patch: (a) => { a.partners[1].vat = "BG 201 355 508"; },
      errors: [{ messageId: "spaces", data: { vat: "BG 201 355 508", compact: "BG201355508" }, severity: "warning", hint: 'write vat: "BG201355508"' }] },
  ],
});
