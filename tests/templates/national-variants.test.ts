import { describe, expect, it } from "vitest";
import { render, signatories, zagoreCopy } from "./national-fixture.js";

const LANGS = ["bg", "en"] as const;
const WHOLE = ["cooperation-agreement", "statute", "founding-protocol"];
const PER_PARTNER = ["declaration", "commitment-letter"];

/**
 * Strict mode turns any field a template reads but the data lacks into an error, so the national
 * templates are rendered for data that leaves out everything optional they use.
 */
describe.each(LANGS)("national templates on sparse data (%s)", (lang) => {
  async function sparse() {
    const app = await zagoreCopy();
    app.hub.purpose = [];
    const e = app.hub.legal_entity;
    e.founding_meeting = undefined;
    e.founded_on = null;
    e.term = { bg: "десет години", en: "ten years" };
    e.management_board_size = 5;
    e.public_benefit = false;
    for (const p of app.partners) {
      p.roles = p.roles.filter((r) => r !== "coordinator");
      if (p.roles.length === 0) p.roles = ["founder"];
      delete p.council_decision;
      delete p.representative;
      delete p.contribution;
    }
    return app;
  }

  it("every document renders without errors, marking what is missing", async () => {
    const app = await sparse();
    for (const doc of WHOLE) {
      const r = await render(doc, lang, undefined, app);
      expect(r.diagnostics, doc).toEqual([]);
      expect(r.document!.fills, doc).toBeGreaterThan(0);
    }
    for (const p of app.partners) {
      for (const doc of PER_PARTNER) {
        const r = await render(doc, lang, p.id, app);
        expect(r.diagnostics, `${doc} ${p.id}`).toEqual([]);
      }
    }
    const m = await render("council-decision", lang, "stara-zagora-municipality", app);
    expect(m.diagnostics).toEqual([]);
  });

  it("without a coordinator the first municipality is the lead partner; goals become a fill box", async () => {
    const app = await sparse();
    const r = await render("cooperation-agreement", lang, undefined, app);
    expect(r.text).toContain(lang === "bg" ? "определят Община Стара Загора за водещ партньор" : "appoint Municipality of Stara Zagora as lead partner");
    const fills = r.document!.tree.children.filter((n) => n.type === "containerDirective" && n.name === "fill");
    expect(fills.length).toBeGreaterThan(0);
    expect(signatories(r.document!.tree)).toHaveLength(app.partners.length);
  });

  it("the statute follows the entity: private benefit, its term and board size", async () => {
    const app = await sparse();
    const r = await render("statute", lang, undefined, app);
    expect(r.text).toContain(lang === "bg" ? "дейност в частна полза" : "private-benefit activities");
    expect(r.text).toContain(lang === "bg" ? "десет години" : "ten years");
    expect(r.text).toContain(lang === "bg" ? "се състои от 5 членове" : "consists of 5 members");
    expect(r.text).not.toContain(lang === "bg" ? "в обществена полза със сходни цели" : "for public-benefit activity with similar goals");
  });
});
