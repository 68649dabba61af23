import { describe, expect, it } from "vitest";
import { nameIn, render, signatories, zagore } from "./national-fixture.js";

const LANGS = ["bg", "en"] as const;

describe.each(LANGS)("founding documents of the Zagore example (%s)", (lang) => {
  it("the seed has 15 co-founders", async () => {
    const app = await zagore();
    expect(app.partners.filter((p) => p.roles.includes("founder"))).toHaveLength(15);
  });

  for (const doc of ["cooperation-agreement", "statute", "founding-protocol"]) {
    it(`${doc} renders without diagnostics and names every co-founder`, async () => {
      const app = await zagore();
      const r = await render(doc, lang);
      expect(r.diagnostics).toEqual([]);
      for (const p of app.partners.filter((x) => x.roles.includes("founder"))) {
        expect(r.text).toContain(nameIn(p.name, lang));
      }
    });
  }

  it("the agreement has one signatory per party, named in the document's language", async () => {
    const app = await zagore();
    const r = await render("cooperation-agreement", lang);
    const signs = signatories(r.document!.tree);
    expect(signs).toHaveLength(app.partners.length);
    for (const p of app.partners) expect(signs.some((s) => s.startsWith(nameIn(p.name, lang)))).toBe(true);
  });

  it("the agreement places the hub in its NUTS 2 region and lists every service with its providers", async () => {
    const app = await zagore();
    const r = await render("cooperation-agreement", lang);
    expect(r.text).toContain(lang === "bg" ? "Югоизточен (BG34)" : "South-East (BG34)");
    for (const s of app.services) expect(r.text).toContain(nameIn(s.title, lang));
    // The EU coordinator of the example is the lead partner of the agreement.
    const lead = app.partners.find((p) => p.roles.includes("coordinator"))!;
    expect(r.text).toMatch(new RegExp(lang === "bg" ? `определят ${escapeRe(nameIn(lead.name, "bg"))} за водещ партньор`
      : `appoint ${escapeRe(nameIn(lead.name, "en"))} as lead partner`));
  });

  it("the statute and the agreement carry the association's goals from hub.purpose", async () => {
    const app = await zagore();
    for (const doc of ["cooperation-agreement", "statute"]) {
      const r = await render(doc, lang);
      for (const goal of app.hub.purpose) expect(r.text).toContain(nameIn(goal, lang));
    }
  });

  it("the statute is for a public-benefit association seated in Stara Zagora, signed by every founder", async () => {
    const r = await render("statute", lang);
    expect(r.text).toContain(lang === "bg" ? "дейност в обществена полза" : "public-benefit activities");
    expect(r.text).toContain(lang === "bg" ? "Седалището на Сдружението е гр. Стара Загора" : "The seat of the Association is Stara Zagora");
    expect(signatories(r.document!.tree)).toHaveLength(15);
  });

  it("the founding protocol is dated from the founding meeting, lists every founder in its table and asks for registration", async () => {
    const app = await zagore();
    const r = await render("founding-protocol", lang);
    expect(r.text).toMatch(lang === "bg" ? /30\.03\.2021\sг\./ : /30\sMarch\s2021/);
    const table = r.document!.tree.children.find((n) => n.type === "table");
    expect(table && table.type === "table" ? table.children.length : 0).toBe(1 + 15);
    expect(r.text).toContain(lang === "bg" ? "Агенцията по вписванията" : "Registry Agency");
    // Chair and secretary, then every founder on the attendance list.
    expect(signatories(r.document!.tree)).toHaveLength(2 + 15);
    expect(app.partners).toHaveLength(15);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
