/**
 * Issue 13 §5: the founding protocol gives every agenda item its own heading ("По т. N" / "On item
 * N"), in the agenda's order, and no item runs into the paragraph before it (a vote line
 * used to swallow "По т. 7."). Checked on the tree and on the PDF's text (poppler).
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "../spawn.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Heading, List } from "mdast";
import { textOf, type DocNode } from "../../src/render/tree.js";
import { writePdf } from "../../src/writers/pdf/index.js";
import { render } from "./national-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "edih-protocol-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ITEM = { bg: (n: number) => `По т. ${n} от дневния ред`, en: (n: number) => `On item ${n} of the agenda` };

describe.each(["bg", "en"] as const)("founding protocol agenda items (%s)", (lang) => {
  it("every agenda item has its heading, in order, each before its decision", async () => {
    const r = await render("founding-protocol", lang);
    const top = r.document!.tree.children as DocNode[];
    const agendaAt = top.findIndex((n) => n.type === "heading" && /Дневен ред|Agenda/.test(textOf(n)));
    const agenda = top.slice(agendaAt).find((n): n is List => n.type === "list" && n.ordered === true)!;
    expect(agenda.children.length).toBe(10);
    const headings = top.filter((n): n is Heading => n.type === "heading" && n.depth === 2).map((h) => textOf(h));
    expect(headings).toEqual(agenda.children.map((_, i) => ITEM[lang](i + 1)));
    // Decision N follows the heading of item N (and comes before the next heading).
    const decision = lang === "bg" ? "Решение №" : "Decision No";
    top.forEach((n, i) => {
      if (n.type !== "heading" || n.depth !== 2) return;
      const num = Number(/\d+/.exec(textOf(n))![0]);
      const next = top.slice(i + 1).findIndex((x) => x.type === "heading");
      const section = top.slice(i + 1, next < 0 ? undefined : i + 1 + next).map(textOf).join("\n");
      expect(section, textOf(n)).toContain(`${decision} ${num}:`);
    });
  });

  it("no item heading runs into the line before it in the PDF", async () => {
    const r = await render("founding-protocol", lang);
    const file = join(dir, `protocol-${lang}.pdf`);
    writeFileSync(file, await writePdf(r.document!));
    const lines = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\n").map((l) => l.trim());
    for (let n = 1; n <= 10; n++) expect(lines, ITEM[lang](n)).toContain(ITEM[lang](n));
  });
});
