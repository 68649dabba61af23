// Issue 9's "done when": a LibreOffice edit of a slot survives pull → budget edit → build, in DOCX and PDF.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docxTexts, pdfText, words } from "../e2e/build-helpers.js";
import { appWithSlot, build, libreOffice, narrativeFiles, pull, SLOT, TYPED } from "./helpers.js";

describe("the Word round trip", () => {
  it("text typed in LibreOffice survives pull, a budget edit and a rebuild, in DOCX and PDF", async () => {
    const dir = appWithSlot("round-trip");
    await build(dir);
    const docx = join(dir, "out/en/budget-table.docx");
    const pdf = join(dir, "out/en/budget-table.pdf");
    expect(words(pdfText(pdf))).toContain("Name the source of the national co-funding");

    const typed = libreOffice(docx, "type");
    const pulled = await pull(dir, typed);
    expect(pulled.stderr).toBe("");
    expect(narrativeFiles(dir)).toEqual({ [`budget-table/${SLOT}.en.md`]: TYPED });

    // The budget changes after the text was written: one line of one partner.
    const yamlPath = join(dir, "edih.yaml");
    const yaml = readFileSync(yamlPath, "utf8");
    expect(yaml).toContain("personnel: 420000,");
    writeFileSync(yamlPath, yaml.replace("personnel: 420000,", "personnel: 432100,"));
    await build(dir);

    for (const text of [words(docxTexts([docx])["budget-table"]!), words(pdfText(pdf))]) {
      expect(text).toContain("Co-funding comes from the regional development budget.");
      expect(text).toMatch(/staff of the hub[\s\S]{0,80}equipment for the test bed/);
      expect(text).toContain("432 100.00");
      expect(text).not.toContain("420 000.00");
      expect(text).not.toContain("Name the source of the national co-funding");
    }
    const xml = strFromU8(unzipSync(readFileSync(docx))["word/document.xml"]!);
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>regional<\/w:t><\/w:r>/);

    // The rebuilt DOCX pulls as unchanged: the round trip is exact.
    const again = await pull(dir, docx);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${SLOT}: unchanged`);
    expect(narrativeFiles(dir)).toEqual({ [`budget-table/${SLOT}.en.md`]: TYPED });
  });
});
