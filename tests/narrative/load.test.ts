import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_NARRATIVE_BYTES, readNarrative } from "../../src/narrative/load.js";
import { tempDir } from "../temp.js";

function app(files: Record<string, string | Buffer>): string {
  const dir = tempDir("narrative");
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
  return dir;
}

describe("readNarrative", () => {
  it("no narrative folder: nothing, no problem", () => {
    expect(readNarrative(app({ "edih.yaml": "" }))).toEqual({ files: [], diagnostics: [] });
  });

  it("reads document, partner, slot and language from the path", () => {
    const dir = app({ "narrative/part-b/needs-analysis.en.md": "Text.", "narrative/commitment-letter/bia/contribution.bg.md": "Текст." });
    const { files, diagnostics } = readNarrative(dir);
    expect(diagnostics).toEqual([]);
    expect(files.map(({ document, partner, slot, lang, path }) => ({ document, partner, slot, lang, path }))).toEqual([
      { document: "commitment-letter", partner: "bia", slot: "contribution", lang: "bg", path: "narrative/commitment-letter/bia/contribution.bg.md" },
      { document: "part-b", partner: undefined, slot: "needs-analysis", lang: "en", path: "narrative/part-b/needs-analysis.en.md" },
    ]);
  });

  it("drops a BOM, turns CRLF into LF and NFD into NFC", () => {
    const nfd = "Загоре й".normalize("NFD");
    expect(nfd).not.toBe("Загоре й");
    const dir = app({ "narrative/part-b/summary.bg.md": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${nfd}\r\nред`)]) });
    expect(readNarrative(dir).files[0]!.text).toBe("Загоре й\nред");
  });

  it("refuses a symlinked file and a symlinked folder, with the path", () => {
    const outside = app({ "secret.md": "not for the application" });
    const dir = app({ "narrative/part-b/summary.en.md": "ok" });
    symlinkSync(join(outside, "secret.md"), join(dir, "narrative/part-b/risks.en.md"));
    symlinkSync(outside, join(dir, "narrative/statute"));
    const { files, diagnostics } = readNarrative(dir);
    expect(files.map((f) => f.slot)).toEqual(["summary"]);
    expect(diagnostics.map((d) => [d.severity, d.file])).toEqual([["error", "narrative/part-b/risks.en.md"], ["error", "narrative/statute"]]);
    expect(diagnostics[0]!.message).toMatch(/symbolic link/);
  });

  it("refuses a narrative folder that is a symlink", () => {
    const outside = app({ "part-b/summary.en.md": "x" });
    const dir = app({ "edih.yaml": "" });
    symlinkSync(outside, join(dir, "narrative"));
    const r = readNarrative(dir);
    expect(r.files).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ severity: "error", file: "narrative", message: expect.stringMatching(/symbolic link/) }]);
  });

  it("refuses an oversized file, binary and invalid UTF-8, each in one line at the file", () => {
    const dir = app({
      "narrative/part-b/a.en.md": "x".repeat(MAX_NARRATIVE_BYTES + 1),
      "narrative/part-b/b.en.md": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      "narrative/part-b/c.en.md": Buffer.from([0x61, 0xff, 0x62]),
    });
    const { files, diagnostics } = readNarrative(dir);
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => d.file)).toEqual(["narrative/part-b/a.en.md", "narrative/part-b/b.en.md", "narrative/part-b/c.en.md"]);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/more than the 256 KB/), expect.stringMatching(/NUL/), expect.stringMatching(/UTF-8/)]);
    for (const d of diagnostics) expect(d.message).not.toMatch(/\n/);
  });

  it("warns about a Markdown file whose name is not <slot>.<lang>.md", () => {
    const dir = app({ "narrative/part-b/Needs Analysis.md": "x", "narrative/part-b/risks.de.md": "x", "narrative/part-b/notes.txt": "x" });
    const { files, diagnostics } = readNarrative(dir);
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.file])).toEqual([["warning", "narrative/part-b/Needs Analysis.md"], ["warning", "narrative/part-b/risks.de.md"]]);
  });
});
