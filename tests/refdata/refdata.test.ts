import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir, loadLegalForms, loadNuts } from "../../src/refdata/index.js";
import { LEGAL_FORM_ALIASES } from "../../src/schema/legal-form.js";
import { LEGAL_FORM_IDS } from "../../src/schema/vocabulary.js";

describe("NUTS 2024", () => {
  const nuts = loadNuts();
  it("holds the EU27 list with its source", () => {
    expect(nuts.all()).toHaveLength(1582);
    expect(nuts.source).toMatch(/Eurostat/);
  });
  it("knows Bulgaria: 2 NUTS 1, 6 NUTS 2, 28 NUTS 3 (+ Extra-Regio)", () => {
    const bg = nuts.all().filter((r) => r.country === "BG" && !r.extraRegio);
    expect([1, 2, 3].map((l) => bg.filter((r) => r.level === l).length)).toEqual([2, 6, 28]);
    expect(nuts.children("BG34").map((r) => r.code)).toEqual(["BG341", "BG342", "BG343", "BG344"]);
  });
  it("gives Bulgarian codes bg/Latin/English names", () => {
    expect(nuts.get("BG344")).toMatchObject({ level: 3, parent: "BG34", label: "Стара Загора", names: { bg: "Стара Загора", latn: "Stara Zagora", en: "Stara Zagora" } });
    expect(nuts.get("BG34")!.names!.en).toBe("South-East");
    expect(nuts.get("BGZZ")!.extraRegio).toBe(true);
    expect(nuts.get("BG3")!.parent).toBe("BG");
  });
  it("the JSON matches what the build script produces from the names CSV", () => {
    const csv = readFileSync(join(dataDir(), "nuts-bg-names.csv"), "utf8").trim().split("\n").slice(1);
    for (const line of csv) {
      const [code, level, , bg, latn, en] = line.split(",");
      if (level === "0") continue;
      expect(nuts.get(code!)!.names).toEqual({ bg, latn, en });
    }
  });
});

describe("legal forms", () => {
  const forms = loadLegalForms();
  it("covers exactly the schema's 19 ids", () => {
    expect(forms.all().map((f) => f.id).sort()).toEqual([...LEGAL_FORM_IDS].sort());
  });
  it("agrees with the schema's Bulgarian aliases", () => {
    for (const [abbr, id] of Object.entries(LEGAL_FORM_ALIASES)) expect(forms.get(id)!.abbr).toBe(abbr);
  });
  it("names the law and register of the forms the reference gives, and marks unconfirmed ones", () => {
    expect(forms.get("association")).toMatchObject({ law: expect.stringMatching(/ЗЮЛНЦ/), register: "ЮЛНЦ", status: "V" });
    expect(forms.get("dzzd")).toMatchObject({ legal_personality: false, register: "БУЛСТАТ" });
    expect(forms.get("municipality")).toMatchObject({ status: "I", register: "БУЛСТАТ" });
    for (const f of forms.all()) if (f.id !== "other") expect(f.law, f.id).toBeTruthy();
  });
});
