// The founding facts written in the YAML reach the DOCX as LibreOffice reads it, in both languages,
// and each replaces its fill-in box in the build report's count.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { buildJson, copyExample, docxTextsByLang, words } from "./build-helpers.js";

const DOCS = "founding-protocol,statute";

describe("founding facts through LibreOffice", () => {
  let before: Record<string, number>;
  let after: Record<string, number>;
  let texts: Record<string, Record<string, string>>;

  beforeAll(async () => {
    const plain = copyExample("facts-before");
    const b = await buildJson(plain, "--only", DOCS, "--format", "docx");
    expect(b.code, b.stderr).toBe(0);
    before = (b.report as typeof b.report & { fills: Record<string, number> }).fills;

    const dir = copyExample("facts-after");
    const file = join(dir, "edih.yaml");
    const doc = parseDocument(readFileSync(file, "utf8"));
    doc.setIn(["hub", "legal_entity", "founding_meeting", "votes"], doc.createNode({ all: { for: 15, against: 0, abstained: 0 } }));
    doc.setIn(["hub", "legal_entity", "management_board"], doc.createNode([{ name: "Иван Петров", partner: "trakia-university", role: { bg: "председател", en: "chair" } }]));
    doc.setIn(["hub", "legal_entity", "economic_activity"], "none");
    writeFileSync(file, doc.toString());
    const partner = join(dir, "partners", "trakia-university.yaml");
    writeFileSync(partner, `${readFileSync(partner, "utf8")}representative: { name: Петър Иванов, basis: { kind: power-of-attorney, number: "17", date: 2021-03-25 } }\n`);
    const a = await buildJson(dir, "--only", DOCS, "--format", "docx");
    expect(a.code, a.stderr).toBe(0);
    after = (a.report as typeof a.report & { fills: Record<string, number> }).fills;
    // One LibreOffice start for both languages.
    texts = docxTextsByLang(Object.fromEntries(["bg", "en"].map((lang) => [lang, DOCS.split(",").map((d) => join(dir, "out", lang, `${d}.docx`))])));
  }, 240_000);

  it("each given fact takes its box away: 12 votes, 1 basis, the board (and the representative's name, twice) in the protocol, the activity (and that name) in the statute", () => {
    for (const lang of ["bg", "en"]) {
      expect(after[`${lang}/founding-protocol`]).toBe(before[`${lang}/founding-protocol`]! - 16);
      expect(after[`${lang}/statute`]).toBe(before[`${lang}/statute`]! - 2);
    }
  });

  it("the DOCX holds the facts in Bulgarian", () => {
    const protocol = words(texts.bg!["founding-protocol"]!);
    expect(protocol.split("Гласуване: „за“ – 15, „против“ – 0, „въздържал се“ – 0.").length - 1).toBe(12);
    expect(protocol).toContain("Иван Петров (Тракийски университет) – председател");
    expect(protocol).toMatch(/пълномощно № 17 от 25\.03\.2021\sг\./);
    expect(protocol).toContain("представител по закон");
    expect(words(texts.bg!.statute!)).toContain("Сдружението не извършва стопанска дейност.");
  });

  it("the DOCX holds the facts in English", () => {
    const protocol = words(texts.en!["founding-protocol"]!);
    expect(protocol.split("Vote: for – 15, against – 0, abstained – 0.").length - 1).toBe(12);
    expect(protocol).toContain("Иван Петров (Trakia University) – chair");
    expect(protocol).toMatch(/power of attorney No 17 of 25 March 2021/);
    expect(words(texts.en!.statute!)).toContain("the Association carries out no economic activities.");
  });
});
