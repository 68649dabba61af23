// Digital Europe funds hubs in every Member State: an English-only hub in Italy and one in Portugal,
// written without `country:` keys (their NUTS codes say where they are), with their own legal forms
// named and their VAT numbers checked, build like the Bulgarian example does.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";
import { buildJson, docxTexts, edih, pdfText } from "./build-helpers.js";
import { tempDir } from "../temp.js";

const FIXTURES = join(import.meta.dirname, "fixtures");

function copyHub(name: string): string {
  const dir = join(tempDir(`${name}`), name);
  copyApplicationSources(join(FIXTURES, name), dir);
  return dir;
}

describe.each([
  { hub: "milano-hub", country: "IT", forms: ["recognised association (associazione riconosciuta)", "public university (università statale)"], vat: "IT76543210157" },
  { hub: "porto-hub", country: "PT", forms: ["private non-profit association (associação sem fins lucrativos)", "municipality (município)"], vat: "PT510000002" },
])("an English-only hub in $country", async ({ hub, country, forms, vat }) => {
  it("has no country: key, validates without errors and builds in English only", async () => {
    const dir = copyHub(hub);
    const texts = [readFileSync(join(dir, "edih.yaml"), "utf8"), ...readdirSync(join(dir, "partners")).map((f) => readFileSync(join(dir, "partners", f), "utf8"))];
    expect(texts.join("\n")).not.toMatch(/^\s*country:/m);
    const { code, report } = await buildJson(dir);
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(code).toBe(0);
    expect(report.written.length).toBeGreaterThan(0);
    expect(report.written.every((f) => !f.startsWith("bg/") && !f.includes("-bg."))).toBe(true);
    // Nothing asks for Bulgarian identifiers: no ЕИК warning for entities outside Bulgaria.
    expect(report.diagnostics.filter((d) => /ЕИК/.test(d.message))).toEqual([]);
    const partA = pdfText(join(dir, "out/en/part-a.pdf")).replace(/\s+/g, " ");
    expect(partA).toContain(vat);
    expect(partA).toMatch(new RegExp(`, ${country} `));
    const partB = Object.values(docxTexts([join(dir, "out/en/part-b.docx")])).join(" ").replace(/\s+/g, " ");
    for (const form of forms) expect(partA + partB).toContain(form.split(" (")[0]!);
    expect(partB).toContain(`Legal form: ${forms[0]}`);
  });
});

describe("an English-only application never asks for Bulgarian", () => {
  it("--lang bg is a usage error (exit 2) that writes nothing", async () => {
    const dir = copyHub("milano-hub");
    const r = await edih(["apply", "build", dir, "--lang", "bg"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edih: --lang bg: the application is written in en only/m);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("partners add asks for the English name only", async () => {
    const dir = copyHub("milano-hub");
    const r = await edih(["partners", "add", dir, "--yes", "--name-en", "Comune di Esempio", "--legal-form", "other",
      "--legal-form-name", "comune", "--type", "public-authority", "--roles", "associated-partner", "--nuts3", "ITC4C", "--city", "Milano"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "partners/comune-di-esempio.yaml"), "utf8");
    expect(text).toMatch(/^name: \{en: Comune di Esempio\}$/m);
    expect(text).not.toMatch(/bg:|eik:/);
  });
});

describe("VAT numbers of hubs outside Bulgaria", () => {
  it("a wrong check digit and another country's prefix are errors at file:line:column", async () => {
    const dir = copyHub("milano-hub");
    const ateneo = join(dir, "partners/ateneo.yaml");
    writeFileSync(ateneo, readFileSync(ateneo, "utf8").replace("vat: IT76543210157", "vat: IT76543210158"));
    const conf = join(dir, "partners/confimprese.yaml");
    writeFileSync(conf, readFileSync(conf, "utf8").replace("vat: IT11111110158", "vat: PT510000002"));
    const r = await edih(["apply", "validate", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/partners\/ateneo\.yaml:7:6 {2}error {2}Partner "ateneo": VAT number IT76543210158 fails its check digit {2}vat-valid$/m);
    expect(r.stdout).toMatch(/partners\/confimprese\.yaml:7:6 {2}error {2}Partner "confimprese": VAT number PT510000002 is PT's, but the entity is seated in IT {2}vat-valid$/m);
  });
});
