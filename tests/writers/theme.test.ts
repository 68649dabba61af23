/**
 * Issue 12: the writers' theme has one home (writers/theme.ts) that both writers read, and the
 * text metrics do not reach into the PDF writer. Checked on the sources' imports and on the output.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "../spawn.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseMarkdown } from "../../src/render/tree.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { writeDocx } from "../../src/writers/docx/index.js";
import { writePdf } from "../../src/writers/pdf/index.js";
import { COLORS, PAGE, twips } from "../../src/writers/theme.js";
import { save } from "./helpers.js";

const SRC = join(import.meta.dirname, "../../src/writers");
const imports = (file: string) => [...readFileSync(join(SRC, file), "utf8").matchAll(/(?:from|import\()\s*"([^"]+)"/g)].map((m) => m[1]!);

describe("one theme for both writers", () => {
  it("metrics.ts does not import the PDF writer; both writers import the theme", () => {
    expect(imports("metrics.ts").filter((i) => i.includes("pdf/"))).toEqual([]);
    expect(imports("docx/body.ts")).toContain("../theme.js");
    expect(imports("pdf/build.ts")).toContain("../theme.js");
    // No colour written as a literal in either writer: they come from COLORS.
    for (const f of ["docx/body.ts", "docx/package.ts", "docx/frame.ts", "pdf/build.ts"]) {
      const text = readFileSync(join(SRC, f), "utf8");
      for (const hex of Object.values(COLORS)) expect(text, `${f} ${hex}`).not.toContain(`"${hex}"`);
    }
  });

  it("both outputs have the theme's page", async () => {
    const doc: RenderedDocument = { meta: { title: "T", lang: "en" }, tree: parseMarkdown("# Heading\n\nText.\n"), fills: 0, notes: [], labels: {} };
    const dir = mkdtempSync(join(tmpdir(), "edih-theme-"));
    try {
      const info = execFileSync("pdfinfo", [save(dir, "t.pdf", await writePdf(doc))], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect(Math.abs(Number(w) - PAGE.widthPt)).toBeLessThan(0.5);
      expect(Math.abs(Number(h) - PAGE.heightPt)).toBeLessThan(0.5);
      const xml = strFromU8(unzipSync(await writeDocx(doc))["word/document.xml"]!);
      expect(xml).toContain(`<w:pgSz w:w="${twips(PAGE.widthPt)}" w:h="${twips(PAGE.heightPt)}"`);
      expect(xml).toContain(`w:top="${twips(PAGE.marginPt)}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
