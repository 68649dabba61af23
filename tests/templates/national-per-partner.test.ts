import { describe, expect, it } from "vitest";
import { nameIn, render, signatories, zagore, zagoreCopy } from "./national-fixture.js";

const LANGS = ["bg", "en"] as const;
const MUNICIPALITY = "stara-zagora-municipality";

describe.each(LANGS)("council decision (%s)", (lang) => {
  it("is produced for the municipality with its decision data; the unknown financial commitment is a box", async () => {
    const r = await render("council-decision", lang, MUNICIPALITY);
    expect(r.diagnostics).toEqual([]);
    const text = r.text;
    expect(text).toContain(lang === "bg" ? "Община Стара Загора" : "Municipality of Stara Zagora");
    // The example's decision date (28.01.2021) and the legal basis in ЗМСМА.
    expect(text).toMatch(lang === "bg" ? /28\.01\.2021\sг\./ : /28\sJanuary\s2021/);
    expect(text).toContain(lang === "bg" ? "чл. 21, ал. 1, т. 15 и т. 23" : "Art. 21(1), items 15 and 23");
    // The example leaves the commitment unknown (null): a marked box, not a claim of "no obligations".
    expect(text).not.toContain(lang === "bg" ? "не поражда финансови задължения" : "creates no financial obligations");
    expect(text).toContain(lang === "bg" ? "финансов ангажимент на общината: сума и източник" : "the municipality’s financial commitment: amount and source");
    expect(text).toContain(lang === "bg" ? "Европейски цифров иновационен хъб ‚Загоре‘" : "European Digital Innovation Hub Zagore");
    // Mayor (proposer) and the chair of the council sign.
    expect(signatories(r.document!.tree)).toHaveLength(2);
  });

  it("prints the approval it drafts (number, protocol, commitment, representative, substitute, votes) and cites the consent in principle before it", async () => {
    const app = await zagoreCopy();
    const m = app.partners.find((p) => p.id === MUNICIPALITY)!;
    m.council_decisions = [
      { kind: "consent-in-principle", number: "45", date: "2021-01-28", approves: { bg: "участие в учредяването на сдружението", en: "taking part in founding the association" } },
      { kind: "approval", number: "123", date: "2021-02-25", protocol: "7", financial_commitment: 5000,
        representative: { bg: "Иван Иванов, заместник-кмет", en: "Ivan Ivanov, Deputy Mayor" },
        substitute: { bg: "Мария Петрова, секретар на общината", en: "Maria Petrova, Municipal Secretary" },
        votes: { for: 38, against: 2, abstained: 1 } },
    ];
    const r = await render("council-decision", lang, MUNICIPALITY, app);
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toMatch(lang === "bg" ? /Решение № 123, прието на заседание, проведено на 25\.02\.2021\sг\., Протокол № 7/
      : /Decision No 123, adopted at the session held on 25\sFebruary\s2021, Minutes No 7/);
    // The earlier decision comes from data, not from the consultant's box.
    expect(r.text).toMatch(lang === "bg" ? /С Решение № 45 от 28\.01\.2021\sг\. Общинският съвет – Стара Загора даде принципно съгласие за: участие в учредяването на сдружението\./
      : /By Decision No 45 of 28\sJanuary\s2021 the Municipal Council of Stara Zagora consented in principle to: taking part in founding the association\./);
    expect(r.text).toContain(lang === "bg" ? "Решението е прието с гласуване: „за“ – 38, „против“ – 2, „въздържал се“ – 1."
      : "The decision was adopted by a vote of: for – 38, against – 2, abstained – 1.");
    expect(r.text).toMatch(lang === "bg" ? /5\s000,00\sEUR/ : /EUR\s5\s000\.00/);
    expect(r.text).not.toContain(lang === "bg" ? "не поражда финансови задължения" : "creates no financial obligations");
    expect(r.text).toContain(lang === "bg" ? "Иван Иванов, заместник-кмет" : "Ivan Ivanov, Deputy Mayor");
    expect(r.text).toContain(lang === "bg" ? "Мария Петрова, секретар на общината" : "Maria Petrova, Municipal Secretary");
    // Acts are cited as on the approval's date (before Regulation 2021/694 existed).
    expect(r.text).toContain("COM(2018) 434");
  });

  it("the single council_decision form still loads and is printed as the approval", async () => {
    const app = await zagoreCopy();
    const m = app.partners.find((p) => p.id === MUNICIPALITY)!;
    delete m.council_decisions;
    m.council_decision = { number: "123", date: "2021-02-25", protocol: "7", financial_commitment: 0 };
    const r = await render("council-decision", lang, MUNICIPALITY, app);
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toMatch(lang === "bg" ? /Решение № 123, прието на заседание, проведено на 25\.02\.2021/ : /Decision No 123, adopted at the session held on 25\sFebruary\s2021/);
    expect(r.text).toContain(lang === "bg" ? "не поражда финансови задължения" : "creates no financial obligations");
  });

  it("renders for a municipality whose decision is not recorded yet: boxes, and no claim about money", async () => {
    const app = await zagoreCopy();
    delete app.partners.find((p) => p.id === MUNICIPALITY)!.council_decisions;
    const r = await render("council-decision", lang, MUNICIPALITY, app);
    expect(r.diagnostics).toEqual([]);
    expect(r.document!.fills).toBeGreaterThan(0);
    // Without a decision nothing says the participation is free: the commitment is a box.
    expect(r.text).not.toContain(lang === "bg" ? "не поражда финансови задължения" : "creates no financial obligations");
    expect(r.text).toContain(lang === "bg" ? "финансов ангажимент на общината: сума и източник" : "the municipality’s financial commitment: amount and source");
  });
});

describe.each(LANGS)("declaration and letter of commitment for every partner (%s)", (lang) => {
  it("carry the partner's own name, roles and signatory; the letter lists its own services", async () => {
    const app = await zagore();
    expect(app.partners.length).toBe(15);
    for (const p of app.partners) {
      const name = nameIn(p.name, lang);
      const others = app.partners.filter((o) => o.id !== p.id && !o.roles.includes("coordinator"));
      for (const doc of ["declaration", "commitment-letter"]) {
        const r = await render(doc, lang, p.id);
        expect(r.diagnostics, `${doc} for ${p.id}`).toEqual([]);
        expect(r.text).toContain(name);
        const signs = signatories(r.document!.tree);
        expect(signs).toHaveLength(1);
        expect(signs[0]!.startsWith(name)).toBe(true);
        // No other partner (except the lead partner it is addressed to) appears in its documents.
        for (const o of others) expect(r.text.includes(nameIn(o.name, lang)), `${doc} for ${p.id} names ${o.id}`).toBe(false);
      }
      const letter = (await render("commitment-letter", lang, p.id)).text;
      const own = app.services.filter((s) => s.providers.includes(p.id));
      for (const s of own) expect(letter).toContain(nameIn(s.title, lang));
      for (const s of app.services.filter((x) => !x.providers.includes(p.id))) {
        expect(letter.includes(nameIn(s.title, lang)), `letter of ${p.id} lists ${s.id}`).toBe(false);
      }
    }
  });

  it("the letter states the partner's effort and budget when the data has them", async () => {
    const app = await zagore();
    const p = app.partners.find((x) => x.id === "trakia-university")!;
    const effort = app.work_packages.reduce((sum, wp) => sum + (wp.effort[p.id] ?? 0), 0);
    expect(effort).toBeGreaterThan(0);
    const r = await render("commitment-letter", lang, p.id);
    expect(r.text).toContain(lang === "bg" ? `${effort} човекомесеца` : `${effort} person-months`);
    expect(app.budget.lines.some((l) => l.partner === p.id)).toBe(true);
    expect(r.text).toContain(lang === "bg" ? "допустими разходи" : "of eligible costs");
  });

  it("the letter of a partner without services asks how it supports the hub", async () => {
    const app = await zagoreCopy();
    app.services = app.services.map((s) => ({ ...s, providers: s.providers.filter((x) => x !== "pro-drone-sys") }))
      .filter((s) => s.providers.length > 0);
    const r = await render("commitment-letter", lang, "pro-drone-sys", app);
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toContain(lang === "bg" ? "не е предвидено да предоставя конкретна услуга" : "is not due to provide a specific service");
  });
});
