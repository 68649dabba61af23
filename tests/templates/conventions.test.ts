/**
 * "Done when" of issue 13: every bundled document, in both languages, for every partner it is
 * issued to, read as text (the mdast tree the DOCX and PDF writers draw) and checked for what a
 * lawyer or an evaluator would refuse to sign.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { buildContext } from "../../src/model/index.js";
import { citedBefore } from "../../src/model/legal-acts.js";
import { loadLegalActs } from "../../src/refdata/legal-acts.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { layoutPdf } from "../../src/writers/pdf/index.js";
import { writeDocx } from "../../src/writers/docx/index.js";
import { signatureMaterial, signatureOnlyPages } from "../writers/signature-pages.js";
import { libreOfficePdfs } from "../writers/helpers.js";
import { bundledRenderer, nationalCall, ROOT, treeText, zagore } from "./national-fixture.js";
import { findConventionBreaks } from "./conventions.js";

type Lang = "bg" | "en";
interface Doc { id: string; per: null | "partner" | "municipality" }
interface Out { key: string; lang: Lang; text: string; date: string | null; fills: number; document: RenderedDocument }

const packDocs = (id: string): Doc[] =>
  ((parseYaml(readFileSync(join(ROOT, "data", "calls", `${id}.yaml`), "utf8")) as { documents?: Doc[] }).documents ?? []);

const outs: Out[] = [];
let cyrillicNames: string[] = [];
const internalIds = ["BG-EDIH-PRESELECTION-2021"];

beforeAll(async () => {
  const app = await zagore();
  // Names the data gives only in Cyrillic (no English form): an English document may print them.
  const onlyBg = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) && typeof (v as { bg?: unknown }).bg === "string" && !(v as { en?: unknown }).en ? [(v as { bg: string }).bg] : typeof v === "string" && /[\u0400-\u04ff]/u.test(v) ? [v] : []);
  cyrillicNames = app.partners.flatMap((p) => [...onlyBg(p.name), ...onlyBg(p.representative?.name)]);
  const call = nationalCall();
  const docs = new Map<string, Doc>();
  for (const d of [...packDocs("BG-EDIH-PRESELECTION-2021"), ...packDocs("DIGITAL-2021-EDIH-01")]) docs.set(d.id, d);
  for (const doc of docs.values()) {
    for (const lang of ["bg", "en"] as const) {
      const partners = doc.per === null ? [undefined]
        : app.partners.filter((p) => doc.per === "partner" || (p.legal_form === "municipality" && p.roles.includes("founder"))).map((p) => p.id);
      const { renderer, diagnostics } = bundledRenderer(doc.id, lang, app.budget.currency as "EUR" | "BGN");
      if (!renderer) throw new Error(`${doc.id}/${lang}: ${JSON.stringify(diagnostics)}`);
      for (const partnerId of partners) {
        const context = buildContext(app, { callPack: call, lang, ...(partnerId ? { partnerId } : {}) });
        const r = renderer(context);
        if (!r.document) throw new Error(`${doc.id}/${lang}: ${JSON.stringify(r.diagnostics)}`);
        const date = doc.id === "council-decision" ? (context.partner?.council_decision_date ?? null)
          : doc.id === "cooperation-agreement" || doc.id === "statute" || doc.id === "founding-protocol" ? context.agreement_date : null;
        const text = [r.document.meta.title, r.document.meta.subtitle ?? "", treeText(r.document.tree)].join("\n");
        outs.push({ key: `${doc.id}/${lang}${partnerId ? `/${partnerId}` : ""}`, lang, text, date, fills: r.document.fills, document: r.document });
      }
    }
  }
});

describe("every bundled document in both languages", () => {
  it("renders all of them", () => {
    expect(outs.length).toBeGreaterThan(30);
    expect(new Set(outs.map((o) => o.lang))).toEqual(new Set(["bg", "en"]));
  });

  it("cites no legal act before it existed", () => {
    const acts = loadLegalActs();
    const early = outs.flatMap((o) => citedBefore(acts, o.text, o.date).map((e) => `${o.key} (${o.date}): ${e.cited_as}`));
    expect(early).toEqual([]);
  });

  it("the council decision presents the approval, undated in the example: acts are cited as of the founding it precedes (30.03.2021), so the proposal", () => {
    const cd = outs.filter((o) => o.key.startsWith("council-decision/"));
    expect(cd.length).toBeGreaterThan(0);
    for (const o of cd) {
      // 28.01.2021 was the consent in principle; the approval followed at a session whose date is not public.
      expect(o.date).toBe("2021-03-30");
      expect(o.text).toContain("COM(2018) 434");
      expect(o.text).not.toContain("2021/694");
    }
  });

  it("no unsourced claim about the Council of Ministers' procedure: its decision is a marked box", () => {
    for (const o of outs) {
      const claim = o.lang === "bg" ? "приета от Министерския съвет" : "adopted by the Council of Ministers";
      if (!o.text.includes(claim)) continue;
      const after = o.text.slice(o.text.indexOf(claim) + claim.length, o.text.indexOf(claim) + claim.length + 200);
      expect(after, o.key).toMatch(o.lang === "bg" ? /решението на Министерския съвет/ : /Council of Ministers decision/);
    }
  });

  it("names the programme's five specific objectives from data, never 'four capacities'", () => {
    const b = outs.filter((o) => o.key.startsWith("part-b/"));
    for (const o of b) {
      expect(o.text).not.toMatch(/four capacities|четирите капацитета/);
      expect(o.text).toMatch(o.lang === "bg" ? /5 специфични цели/ : /5 specific objectives/);
    }
  });

  it("names the NUTS 2 region as the NUTS data does (Югоизточен район), never 'Югоизточен регион'", () => {
    for (const o of outs.filter((x) => x.lang === "bg")) expect(o.text, o.key).not.toMatch(/Югоизточен регион|обслужване на едно гише/);
  });

  it("breaks no typographic convention (money, quotes, Cyrillic in English, internal ids, tool notes)", () => {
    const breaks = outs.flatMap((o) => findConventionBreaks(o.text, o.lang, { internalIds, cyrillicNames }).map((b) => `${o.key}: ${b}`));
    expect(breaks).toEqual([]);
  });
});

describe("every bundled document in both languages, laid out as PDF", () => {
  const dir = mkdtempSync(join(tmpdir(), "edih-conventions-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Each document is laid out once for the whole file: the signature-page and one-page checks read the same PDF.
  const layouts = new Map<Out, ReturnType<typeof layoutPdf>>();
  const laidOut = (o: Out) => {
    if (!layouts.has(o)) layouts.set(o, layoutPdf(o.document));
    return layouts.get(o)!;
  };

  it("has no page that holds only a signature block (poppler, page by page)", async () => {
    const alone: string[] = [];
    let signed = 0;
    for (const o of outs) {
      const m = signatureMaterial(o.document);
      if (!m.signatures.length) continue;
      signed++;
      const file = join(dir, `${o.key.replace(/\//g, "_")}.pdf`);
      writeFileSync(file, (await laidOut(o)).bytes);
      for (const page of signatureOnlyPages(file, m)) alone.push(`${o.key} p. ${page}`);
    }
    expect(signed).toBeGreaterThan(60);
    expect(alone).toEqual([]);
  });

  it("LibreOffice: no page of the Bulgarian declarations', letters' and council decision's DOCX holds only a signature block", async () => {
    const picked = outs.filter((o) => /^(declaration|commitment-letter|council-decision)\/bg\//.test(o.key));
    expect(picked.length).toBe(31);
    const files = await Promise.all(picked.map(async (o) => {
      const file = join(dir, `${o.key.replace(/\//g, "_")}.docx`);
      writeFileSync(file, await writeDocx(o.document));
      return file;
    }));
    const pdfs = libreOfficePdfs(files, join(dir, "lo"));
    const alone = picked.flatMap((o, i) => signatureOnlyPages(pdfs[i]!, signatureMaterial(o.document)).map((p) => `${o.key} p. ${p}`));
    expect(alone).toEqual([]);
  });

  it("fits every declaration and commitment letter of the example on one page", async () => {
    const short = outs.filter((o) => /^(declaration|commitment-letter)\//.test(o.key));
    expect(short.length).toBe(60);
    const longer: string[] = [];
    for (const o of short) {
      const { pages } = await laidOut(o);
      if (pages !== 1) longer.push(`${o.key}: ${pages} p.`);
    }
    expect(longer).toEqual([]);
  });
});

describe("Part A lists every organisation with its role", () => {
  it("founders without an EU role appear, marked as such", () => {
    for (const o of outs.filter((x) => x.key.startsWith("part-a/"))) {
      expect(o.text).toMatch(o.lang === "bg" ? /учредител на сдружението, без роля в проекта по ЕС/ : /founder of the association, no role in the EU grant/);
      expect(o.text).toContain(o.lang === "bg" ? "Община Стара Загора" : "Municipality of Stara Zagora");
    }
  });
});
