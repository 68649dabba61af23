import { beforeAll, describe, expect, it } from "vitest";
import type { CallFacts } from "../../src/model/index.js";
import { formatMoney, formatNumber } from "../../src/render/index.js";
import type { Application, Language } from "../../src/schema/index.js";
import { loadExample, readCallPack } from "../model/load-example.js";
import { renderEu, tableWith, type Rendered } from "./eu-render.js";

let app: Application;
let eu: CallFacts;
const LANGS: Language[] = ["en", "bg"];
const rendered = new Map<string, Rendered>();
const render = (doc: string, lang: Language) => {
  const key = `${doc}/${lang}`;
  if (!rendered.has(key)) rendered.set(key, renderEu(app, eu, doc, lang));
  return rendered.get(key)!;
};

beforeAll(async () => {
  app = await loadExample();
  eu = await readCallPack("DIGITAL-2021-EDIH-01");
});

/** Parses a formatted amount back: `€1,234.50` / `1 234,50 €` → 1234.5. */
function amount(text: string, lang: Language): number {
  const digits = lang === "bg" ? text.replace(/[^\d,-]/g, "").replace(",", ".") : text.replace(/[^\d.-]/g, "");
  return Number(digits);
}

const money = (n: number, lang: Language) => formatMoney(n, lang, "EUR");

for (const doc of ["part-b", "part-a", "budget-table"]) {
  for (const lang of LANGS) {
    describe(`${doc} (${lang})`, () => {
      it("renders in strict mode without diagnostics and has a title", () => {
        const r = render(doc, lang);
        expect(r.diagnostics).toEqual([]);
        expect(r.document?.meta.title).toMatch(/SynGReDiT/);
      });

      it("has a budget table whose total row is the sum of its lines and EU = rate × eligible", () => {
        const r = render(doc, lang);
        const t = tableWith(r.document!.tree, lang === "bg" ? "Бенефициент" : "Beneficiary", lang === "bg" ? "Допустими разходи" : "Eligible costs");
        const [head, ...rows] = t;
        const body = rows.slice(0, -1);
        const total = rows[rows.length - 1]!;
        expect(body.map((row) => row[0])).toEqual(r.context.budget.lines.map((l) => l.name));
        for (let col = 1; col < head!.length; col++) {
          const sum = body.reduce((a, row) => a + amount(row[col]!, lang), 0);
          expect(amount(total[col]!, lang)).toBeCloseTo(sum, 2);
        }
        const iEligible = head!.findIndex((h) => /Eligible|Допустими/.test(h));
        const iEu = head!.findIndex((h) => /EU contribution|Принос на ЕС/.test(h));
        const iNat = head!.findIndex((h) => /National|Национално/.test(h));
        for (const row of rows) {
          const eligible = amount(row[iEligible]!, lang);
          expect(Math.abs(amount(row[iEu]!, lang) - 0.5 * eligible)).toBeLessThanOrEqual(0.01 * rows.length);
          expect(amount(row[iNat]!, lang)).toBeCloseTo(eligible - amount(row[iEu]!, lang), 2);
        }
        expect(total[iEligible]).toBe(money(r.context.budget.totals.eligible, lang));
      });
    });
  }
}

describe("Part B tables against the data", () => {
  for (const lang of LANGS) {
    it(`(${lang}) lists every partner in the consortium table and every WP, deliverable and milestone`, () => {
      const r = render("part-b", lang);
      const tree = r.document!.tree;
      const consortium = tableWith(tree, lang === "bg" ? "№" : "No.", lang === "bg" ? "Организация" : "Organisation");
      expect(consortium.slice(1).map((row) => row[1]).sort()).toEqual(r.context.partners.map((p) => p.name_text).sort());
      expect(consortium.length - 1).toBe(app.partners.length);

      const wps = tableWith(tree, lang === "bg" ? "РП" : "WP", lang === "bg" ? "Наименование" : "Title");
      expect(wps.slice(1, -1).map((row) => row[0])).toEqual(app.work_packages.map((w) => w.id));
      expect(wps[wps.length - 1]!.at(-1)).toBe(formatNumber(r.context.effort.total, lang));

      const deliverables = tableWith(tree, lang === "bg" ? "№" : "No.", lang === "bg" ? "Резултат" : "Deliverable");
      expect(deliverables.slice(1).map((row) => row[0])).toEqual(app.work_packages.flatMap((w) => w.deliverables.map((d) => d.id)));
      const milestones = tableWith(tree, lang === "bg" ? "№" : "No.", lang === "bg" ? "Етап" : "Milestone");
      expect(milestones.slice(1).map((row) => row[0])).toEqual(app.work_packages.flatMap((w) => w.milestones.map((m) => m.id)));
    });

    it(`(${lang}) draws the Gantt chart from the WP months and the effort matrix from the WP effort`, () => {
      const r = render("part-b", lang);
      const tree = r.document!.tree;
      const gantt = tableWith(tree, lang === "bg" ? "РП" : "WP", "Q1");
      expect(gantt[0]!.slice(1)).toEqual(r.context.gantt.columns);
      for (const [i, wp] of app.work_packages.entries()) {
        const row = gantt[i + 1]!;
        expect(row[0]).toBe(wp.id);
        row.slice(1).forEach((cell, q) => {
          const runs = wp.start_month <= 3 * q + 3 && wp.end_month >= 3 * q + 1;
          expect(cell).toBe(runs ? "■" : "");
        });
      }
      const effort = tableWith(tree, lang === "bg" ? "Партньор" : "Beneficiary", "WP1");
      const totals = effort[effort.length - 1]!;
      app.work_packages.forEach((wp, j) => {
        const sum = Object.values(wp.effort).reduce((a, b) => a + b, 0);
        expect(totals[j + 1]).toBe(formatNumber(sum, lang));
      });
    });

    it(`(${lang}) lists every service under its family, and the KPI targets`, () => {
      const r = render("part-b", lang);
      const tree = r.document!.tree;
      const services = tableWith(tree, lang === "bg" ? "Направление" : "Service family");
      expect(services.length - 1).toBe(app.services.length);
      const kpis = tableWith(tree, lang === "bg" ? "Показател" : "Indicator");
      expect(kpis.slice(1).map((row) => row[1])).toEqual(app.kpis.map((k) => formatNumber(k.target, lang)));
      expect(r.document!.fills).toBeGreaterThan(0);
    });
  }
});

describe("Part A against the data", () => {
  it("lists every organisation, coordinator first, with a PIC marker where an EU participant's PIC is unknown", () => {
    const r = render("part-a", "en");
    const t = tableWith(r.document!.tree, "No.", "PIC");
    // Every organisation, as the Portal's participant list shows them: founders without an EU role too.
    expect(t.length - 1).toBe(app.partners.length);
    expect(t[1]![4]).toBe("coordinator");
    for (const row of t.slice(1)) {
      const p = r.context.partners.find((x) => x.name_text === row[2])!;
      if (p.eu_role_text === null) {
        expect(row[1]).toBe("—");
        expect(row[4]).toBe("founder of the association, no role in the EU grant");
      } else expect(row[1]).toBe(p.pic ?? "PIC");
    }
    expect(r.markdown).toContain(`${[...r.context.proposal.title.text!].length} characters of at most 200`);
  });
});
