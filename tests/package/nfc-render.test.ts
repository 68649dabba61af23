// Item 7: text typed in NFD (и + combining breve, as macOS may save it) renders with the same
// glyphs as NFC: the PDF's text through poppler is identical, and so are the DOCX bytes.
import { execFileSync } from "../spawn.js";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../src/package/build.js";
import { copyExample } from "../security/helpers.js";

const nfc = copyExample("edih-nfc-");
const nfd = copyExample("edih-nfd-");
afterAll(() => { for (const s of [nfc, nfd]) rmSync(s.sandbox, { recursive: true, force: true }); });

describe("NFD input renders as NFC", () => {
  it("same PDF text and same DOCX for the same data typed in NFD", async () => {
    const files = [join(nfd.project, "edih.yaml"), ...readdirSync(join(nfd.project, "partners")).map((f) => join(nfd.project, "partners", f))];
    let decomposed = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      decomposed += text.normalize("NFD").length - text.length;
      writeFileSync(f, text.normalize("NFD"));
    }
    expect(decomposed).toBeGreaterThan(0);
    const opts = { only: ["statute"], langs: ["bg"] };
    for (const { project } of [nfc, nfd]) expect((await buildPackage(project, opts)).written).toContain("bg/statute.pdf");
    const text = (p: string) => execFileSync("pdftotext", ["-enc", "UTF-8", join(p, "out/bg/statute.pdf"), "-"], { encoding: "utf8" });
    const a = text(nfc.project);
    expect(a).toMatch(/й/);
    expect(text(nfd.project)).toBe(a);
    expect(readFileSync(join(nfd.project, "out/bg/statute.docx")).equals(readFileSync(join(nfc.project, "out/bg/statute.docx")))).toBe(true);
  });
});
