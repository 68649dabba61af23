// The narrative loop through the built CLI and real clients: status, validate findings at the
// file, and a build whose DOCX (LibreOffice) and PDF (pdftotext) carry the text.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyExample, docxTexts, edih, EXAMPLE, pdfText, words } from "../e2e/build-helpers.js";

interface Status { call: string; documents: { document: string; lang: string; partner: string | null; filled: number; empty: number;
  slots: { slot: string; state: string; words: number; characters: number; limit: { max_chars: number } | null; file: string }[] }[] }

describe("edih narrative status", () => {
  it("lists every slot of every document of the example, with the files that hold them", async () => {
    const r = await edih(["narrative", "status", EXAMPLE, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Status;
    // The national pre-selection: 8 documents, per-partner ones once per partner, in bg and en.
    const partB = s.documents.filter((d) => d.document === "part-b").map((d) => d.lang).sort();
    expect(partB).toEqual(["bg", "en"]);
    expect(s.documents.filter((d) => d.document === "commitment-letter").length).toBeGreaterThanOrEqual(2 * 15);
    const en = s.documents.find((d) => d.document === "part-b" && d.lang === "en")!;
    const slot = (id: string) => en.slots.find((x) => x.slot === id)!;
    expect(slot("summary")).toMatchObject({ state: "filled", file: "narrative/part-b/summary.en.md" });
    expect(slot("summary").words).toBeGreaterThan(100);
    expect(slot("needs-analysis")).toMatchObject({ state: "filled", file: "narrative/part-b/needs-analysis.en.md" });
    expect(slot("risks")).toMatchObject({ state: "empty", words: 0, file: "narrative/part-b/risks.en.md" });
    expect(en.slots.map((x) => x.slot)).toEqual(expect.arrayContaining(["wp1-tasks", "partner-trakia-university", "declarations"]));
    expect(en.filled + en.empty).toBe(en.slots.length);
    const letter = s.documents.find((d) => d.document === "commitment-letter" && d.partner === "bia" && d.lang === "bg")!;
    expect(letter.slots).toMatchObject([{ slot: "contribution", file: "narrative/commitment-letter/bia/contribution.bg.md" }]);
  });

  it("text output ends with the totals", async () => {
    const r = await edih(["narrative", "status", EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^part-b \(en\): 2 of \d+ slots written$/m);
    // 4 narrative files, and the council decision's earlier-decision slot in bg and en, written from
    // the consent in principle in the example's council_decisions.
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^\d+ documents, \d+ slots: 6 written, \d+ empty$/);
  });

  it("a folder that is not an application: exit 2, one line", async () => {
    const r = await edih(["narrative", "status", "/nonexistent-edih-folder"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")[0]).toMatch(/not found/);
  });
});

describe("narrative findings", () => {
  it("a misspelt slot is a warning at the file with a did-you-mean; an unknown document too (narrative status)", async () => {
    const dir = copyExample("narrative");
    writeFileSync(join(dir, "narrative/part-b/risk-managment.en.md"), "Risks.");
    writeFileSync(join(dir, "narrative/part-b/needs-analisys.bg.md"), "Нужди.");
    mkdirSync(join(dir, "narrative/part-c"));
    writeFileSync(join(dir, "narrative/part-c/summary.en.md"), "x");
    const text = await edih(["narrative", "status", dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/narrative\/part-b\/needs-analisys\.bg\.md:1:1 +warning +no slot "needs-analisys" in part-b \(bg\); the text is not used: did you mean "needs-analysis"\?/);
    const r = await edih(["narrative", "status", dir, "--format", "json"]);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; severity: string; file?: string; message: string; hint?: string }[] })
      .diagnostics.filter((x) => x.ruleId === "narrative-slot");
    expect(d).toEqual(expect.arrayContaining([
      expect.objectContaining({ severity: "warning", file: "narrative/part-b/needs-analisys.bg.md", message: expect.stringContaining('did you mean "needs-analysis"?') }),
      expect.objectContaining({ file: "narrative/part-b/risk-managment.en.md", message: expect.stringContaining('no slot "risk-managment" in part-b (en)') }),
      expect.objectContaining({ file: "narrative/part-c/summary.en.md", message: expect.stringContaining('did you mean "part-b"?') }),
    ]));
  });

  it("a draft validate does not run the templates for narrative", async () => {
    const r = await edih(["apply", "validate", EXAMPLE, "--format", "json"]);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics;
    expect(d.filter((x) => x.ruleId.startsWith("narrative"))).toEqual([]);
  });

  it("an abstract over the call's limit is an error at the file with its count; empty slots are errors at submission", async () => {
    const dir = copyExample("narrative");
    mkdirSync(join(dir, "narrative/part-a"));
    writeFileSync(join(dir, "narrative/part-a/abstract.en.md"), "word ".repeat(420));
    const r = await edih(["apply", "validate", dir, "--call", "DIGITAL-2021-EDIH-01", "--stage", "submission", "--format", "json"]);
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; severity: string; file?: string; message: string }[] }).diagnostics;
    expect(d.filter((x) => x.ruleId === "narrative-limits")).toEqual([expect.objectContaining({ severity: "error",
      file: "narrative/part-a/abstract.en.md", message: "part-a/abstract has 2099 characters; the limit is 2000 (part_a_abstract_max_chars)" })]);
    const partB = d.find((x) => x.ruleId === "narrative-complete" && x.file === "narrative/part-b")!;
    expect(partB.severity).toBe("error");
    expect(partB.message).toMatch(/^part-b \(en\): \d+ empty slots: policy-contribution, /);
    expect(partB.message).not.toMatch(/needs-analysis/);
  });
});

describe("apply build with narrative", () => {
  it("puts the text in DOCX and PDF, keeps the boxes of empty slots, and rebuilds only the document the narrative belongs to", async () => {
    const dir = copyExample("narrative");
    const first = await edih(["apply", "build", dir, "--only", "part-b,budget-table", "--lang", "en", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const pdf = words(pdfText(join(dir, "out/en/part-b.pdf")));
    expect(pdf).toContain("The South-East region (BG34) is a coal region in transition");
    expect(pdf).toContain("Needs of the region");
    // The slot with no file stays a box to complete.
    expect(pdf).toContain("List the critical risks");
    const docx = words(docxTexts([join(dir, "out/en/part-b.docx")])["part-b"]!);
    expect(docx).toContain("The South-East region (BG34) is a coal region in transition");
    expect(docx).toContain("List the critical risks");

    writeFileSync(join(dir, "narrative/part-b/risks.en.md"), "The main risk is a **late start** of national co-funding.\n");
    const second = await edih(["apply", "build", dir, "--only", "part-b,budget-table", "--lang", "en", "--json"]);
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { written: string[]; skipped: string[] };
    expect(report.written.filter((p) => !p.startsWith("package-")).sort()).toEqual(["en/part-b.docx", "en/part-b.pdf"]);
    expect(report.skipped).toEqual(expect.arrayContaining(["en/budget-table.docx", "en/budget-table.pdf"]));
    const after = words(pdfText(join(dir, "out/en/part-b.pdf")));
    expect(after).toContain("The main risk is a late start of national co-funding.");
    expect(after).not.toContain("List the critical risks");
    expect(readFileSync(join(dir, "narrative/part-b/risks.en.md"), "utf8")).toMatch(/late start/);
  });
});
