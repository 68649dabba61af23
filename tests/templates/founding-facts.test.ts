// Each fact the founding documents print: given in the YAML, it is in the bg and en text; unknown,
// it is a marked box (and only then).
import { describe, expect, it } from "vitest";
import type { Root } from "mdast";
import { render, zagoreCopy } from "./national-fixture.js";

const LANGS = ["bg", "en"] as const;
type App = Awaited<ReturnType<typeof zagoreCopy>>;

/** The hints of the inline boxes (`:blank[…]`) of a rendered tree. */
function boxes(tree: Root): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    const node = n as { type?: string; children?: unknown[] };
    if (node.type === "textDirective") out.push((node.children ?? []).map((c) => (c as { value?: string }).value ?? "").join(""));
    (node.children ?? []).forEach(walk);
  };
  walk(tree);
  return out;
}

const HINT = {
  vote: { bg: "„за“ / „против“ / „въздържал се“", en: "for / against / abstained" },
  basis: { bg: "законен представител или пълномощно", en: "legal representative or power of attorney" },
  board: { bg: "членове на Управителния съвет – организация и неин представител", en: "members of the Management Board – organisation and its representative" },
  activity: { bg: "предмет или „Сдружението не извършва стопанска дейност“", en: "subject, or “the Association carries out no economic activities”" },
} as const;

async function renderWith(doc: string, lang: "bg" | "en", patch: (a: App) => void) {
  const app = await zagoreCopy();
  patch(app);
  const r = await render(doc, lang, undefined, app);
  expect(r.diagnostics).toEqual([]);
  return { text: r.text, boxes: boxes(r.document!.tree), fills: r.document!.fills };
}

const founders = (a: App) => a.partners.filter((p) => p.roles.includes("founder"));

describe.each(LANGS)("founding facts in the documents (%s)", (lang) => {
  it("votes: a box per item while unknown; `all` and a per-item entry print the figures", async () => {
    const unknown = await renderWith("founding-protocol", lang, () => {});
    expect(unknown.boxes.filter((b) => b === HINT.vote[lang])).toHaveLength(12);
    const given = await renderWith("founding-protocol", lang, (a) => {
      a.hub.legal_entity.founding_meeting!.votes = { all: { for: 15, against: 0, abstained: 0 }, statute: { for: 13, against: 1, abstained: 1 } };
    });
    expect(given.boxes).not.toContain(HINT.vote[lang]);
    expect(given.fills).toBe(unknown.fills - 12);
    const all = lang === "bg" ? "Гласуване: „за“ – 15, „против“ – 0, „въздържал се“ – 0." : "Vote: for – 15, against – 0, abstained – 0.";
    const statute = lang === "bg" ? "Гласуване: „за“ – 13, „против“ – 1, „въздържал се“ – 1." : "Vote: for – 13, against – 1, abstained – 1.";
    expect(given.text.split(all).length - 1).toBe(11);
    expect(given.text).toContain((lang === "bg" ? "Приема устава на сдружението в представения текст. " : "The statute of the association is adopted as presented. ") + statute);
  });

  it("basis of representation: derived for the mayor, printed when given, a box otherwise", async () => {
    const unknown = await renderWith("founding-protocol", lang, () => {});
    // 15 founders; the mayor's basis is derived from data/legal-forms (a municipality: the mayor, by law).
    expect(unknown.boxes.filter((b) => b === HINT.basis[lang])).toHaveLength(14);
    expect(unknown.text).toContain(lang === "bg" ? "представител по закон" : "representative by law");
    const given = await renderWith("founding-protocol", lang, (a) => {
      const [x, y, z] = founders(a).filter((p) => p.legal_form !== "municipality");
      x!.representative = { name: "А. Лице", position: "ректор", basis: "law" };
      y!.representative = { name: "Б. Лице", basis: "statute" };
      z!.representative = { name: "В. Лице", basis: { kind: "power-of-attorney", number: "17", date: "2021-03-25" } };
    });
    expect(given.boxes.filter((b) => b === HINT.basis[lang])).toHaveLength(11);
    expect(given.text).toContain(lang === "bg" ? "представител по устав" : "representative under the statute");
    expect(given.text).toMatch(lang === "bg" ? /пълномощно № 17 от 25\.03\.2021\sг\./ : /power of attorney No 17 of 25\sMarch\s2021/);
  });

  it("members of the management board: listed with the founder they represent, a box when unknown", async () => {
    const unknown = await renderWith("founding-protocol", lang, () => {});
    expect(unknown.boxes).toContain(HINT.board[lang]);
    const given = await renderWith("founding-protocol", lang, (a) => {
      a.hub.legal_entity.management_board = [
        { name: "Иван Петров", partner: "trakia-university", role: { bg: "председател", en: "chair" } },
        { name: { bg: "Мария Иванова", en: "Maria Ivanova" }, partner: "chamber-stara-zagora" },
      ];
    });
    expect(given.boxes).not.toContain(HINT.board[lang]);
    expect(given.text).toContain(lang === "bg" ? "Иван Петров (Тракийски университет) – председател; Мария Иванова (Търговско-промишлена палата – Стара Загора)"
      : "Иван Петров (Trakia University) – chair; Maria Ivanova (Chamber of Commerce and Industry – Stara Zagora)");
  });

  it("subject of the economic activity: its text, 'none', or a box", async () => {
    const unknown = await renderWith("statute", lang, () => {});
    expect(unknown.boxes).toContain(HINT.activity[lang]);
    const subject = await renderWith("statute", lang, (a) => { a.hub.legal_entity.economic_activity = { bg: "консултантски услуги", en: "consultancy services" }; });
    expect(subject.boxes).not.toContain(HINT.activity[lang]);
    expect(subject.text).toContain(lang === "bg" ? "Предмет на допълнителната стопанска дейност: консултантски услуги." : "Subject of the ancillary economic activities: consultancy services.");
    const none = await renderWith("statute", lang, (a) => { a.hub.legal_entity.economic_activity = "none"; });
    expect(none.boxes).not.toContain(HINT.activity[lang]);
    expect(none.text).toContain(lang === "bg" ? "Сдружението не извършва стопанска дейност." : "the Association carries out no economic activities.");
    expect(none.fills).toBe(unknown.fills - 1);
  });

  it("the selection body comes from data/legal-acts.yaml (with its source), not a box", async () => {
    const r = await renderWith("cooperation-agreement", lang, () => {});
    expect(r.text).toContain(lang === "bg" ? "подава проектното предложение до Министерството на икономиката" : "submits the project proposal to the Ministry of Economy");
    expect(r.boxes.some((b) => b.includes(lang === "bg" ? "ведомството" : "the body running the selection"))).toBe(false);
  });

  it("the agreement cites the consent in principle and the approval as two decisions; the undated approval is boxed", async () => {
    const r = await renderWith("cooperation-agreement", lang, () => {});
    expect(r.text).toMatch(lang === "bg" ? /с Решение № номер от 28\.01\.2021\sг\. Общинският съвет – Стара Загора е дал принципно съгласие за: участие на Община Стара Загора/
      : /by Decision No number of 28\sJanuary\s2021 the Municipal Council of Stara Zagora consented in principle to: Stara Zagora Municipality taking part/);
    // The approval (date and number not public) is what the agreement rests on: a box, never the consent's date.
    expect(r.text).toMatch(lang === "bg" ? /с Решение № номер от дата \(Протокол № номер\) Общинският съвет – Стара Загора е дал съгласие Община Стара Загора да участва в учредяването на сдружението и в настоящото споразумение \(сключване на Споразумение/i
      : /by Decision No number of date \(Minutes No number\) the Municipal Council of Stara Zagora consented to Municipality of Stara Zagora taking part in founding the association and in this Agreement \(concluding the Cooperation Agreement/i);
    const dated = await renderWith("cooperation-agreement", lang, (a) => {
      const m = a.partners.find((p) => p.id === "stara-zagora-municipality")!;
      m.council_decisions![1] = { ...m.council_decisions![1]!, number: "88", date: "2021-02-25", protocol: "5" };
    });
    expect(dated.text).toMatch(lang === "bg" ? /с Решение № 88 от 25\.02\.2021\sг\. \(Протокол № 5\)/ : /by Decision No 88 of 25\sFebruary\s2021 \(Minutes No 5\)/);
    // Number, date and protocol in the recital; number and date where the municipality is named as a party.
    expect(dated.fills).toBe(r.fills - 5);
  });
});
