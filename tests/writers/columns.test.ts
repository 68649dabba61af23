import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocument } from "../../src/render/index.js";
import { planTable, TABLE_FONT, toUnits, unbreakablePieces, type CellText, type Measure } from "../../src/writers/columns.js";
import { arimoMeasure } from "../../src/writers/metrics.js";
import { writePdf } from "../../src/writers/pdf/index.js";
import { pdfText, save } from "./helpers.js";
import { tempDir } from "../temp.js";

const NB = "\u00a0";
const WIDTH = 481.9; // A4 text width in points, as both writers use
let measure: Measure;
beforeAll(async () => {
  measure = await arimoMeasure();
});

const cells = (texts: string[], bold = false): CellText[] => texts.map((text) => ({ text, bold }));
const money = (s: string) => s.replace(/ /g, NB);
const opts = () => ({ width: WIDTH, padding: TABLE_FONT.padding, fontSize: TABLE_FONT.size, minFontSize: TABLE_FONT.min, measure });

/** Every column is at least as wide as each unbreakable piece of its cells at the planned size. */
function expectWordsWhole(rows: CellText[][]) {
  const plan = planTable(rows, opts());
  expect(plan.fits).toBe(true);
  expect(plan.fractions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  rows.forEach((row) => row.forEach((cell, c) => {
    for (const piece of unbreakablePieces(cell.text)) {
      expect(plan.fractions[c]! * WIDTH - TABLE_FONT.padding, `${piece} in column ${c}`).toBeGreaterThanOrEqual(measure(piece, cell.bold) * plan.fontSize);
    }
  }));
  return plan;
}

describe("column widths", () => {
  it("keeps long Bulgarian words whole in a seven-column consortium table", () => {
    const rows = [
      cells(["№", "Организация", "Кратко име", "Правна форма", "Вид", "Роля", "Седалище"], true),
      cells(["1", "Агенция за регионално и икономическо развитие – Стара Загора", "АРИР / SZ REDA", "Сдружение с нестопанска цел", "агенция за регионално развитие", "учредител, координатор, бенефициент", "Стара Загора"]),
      cells(["4", "Институт за космически изследвания и технологии – Българска академия на науките", "ИКИТ-БАН / SRTI-BAS", "Институт на Българската академия на науките", "научна организация", "учредител", "София (София (столица))"]),
      cells(["6", "Телелинк Сити ЕООД", "—", "Еднолично дружество с ограничена отговорност", "предприятие", "учредител, бенефициент", "Казанлък (Стара Загора)"]),
    ];
    const plan = expectWordsWhole(rows);
    // Fits at (nearly) the normal table size: words decide the size, not the page width alone.
    expect(plan.fontSize).toBeGreaterThanOrEqual(9);
  });

  it("never splits an amount and takes a smaller font when seven money columns do not fit", () => {
    const rows = [
      cells(["Бенефициент", "А. Персонал", "Б. Подизпълнители", "В.1 Пътувания", "В.2 Оборудване", "В.3 Други стоки, строителство и услуги", "Преки разходи"], true),
      cells(["Институт за космически изследвания и технологии – Българска академия на науките", ...["150 000,00 €", "0,00 €", "10 000,00 €", "60 000,00 €", "10 000,00 €", "230 000,00 €"].map(money)]),
      cells(["Общо", ...["1 380 000,00 €", "60 000,00 €", "95 000,00 €", "350 000,00 €", "190 000,00 €", "2 075 000,00 €"].map(money)], true),
    ];
    const plan = expectWordsWhole(rows);
    expect(plan.fontSize).toBeLessThan(TABLE_FONT.size);
    expect(plan.fontSize).toBeGreaterThanOrEqual(TABLE_FONT.min);
    expect(unbreakablePieces(money("2 075 000,00 €"))).toEqual([money("2 075 000,00 €")]);
  });

  it("gives spare room to the column whose text wants it, not to short ones", () => {
    const rows = [cells(["Показател", "Цел"], true), cells(["Обслужени предприятия и организации от публичния сектор в региона", "300"])];
    const plan = expectWordsWhole(rows);
    expect(plan.fractions[0]!).toBeGreaterThan(plan.fractions[1]! * 3);
  });

  it("splits after a hyphen between letters, never at a no-break space", () => {
    expect(unbreakablePieces(`Търговско-промишлена палата 1${NB}000,00${NB}€`)).toEqual(["Търговско-", "промишлена", "палата", `1${NB}000,00${NB}€`]);
  });

  it("rounds to whole units that add up exactly", () => {
    const units = toUnits([0.1234, 0.2345, 0.6421], 9638);
    expect(units.reduce((a, b) => a + b, 0)).toBe(9638);
  });
});

describe("rendered budget table", () => {
  it("prints each amount on one line, intact (pdftotext -layout)", async () => {
    const amounts = ["1 380 000,00 €", "60 000,00 €", "95 000,00 €", "350 000,00 €", "190 000,00 €", "2 075 000,00 €"];
    const row = (name: string) => `| ${name} | ${amounts.map(money).join(" | ")} |`;
    const md = [
      "| Бенефициент | А. Персонал | Б. Подизпълнители | В.1 Пътувания | В.2 Оборудване | В.3 Други стоки, строителство и услуги | Преки разходи |",
      "|---|--:|--:|--:|--:|--:|--:|",
      row("Агенция за регионално и икономическо развитие – Стара Загора"),
      row("Институт за космически изследвания и технологии – Българска академия на науките"),
    ].join("\n");
    const doc = renderDocument({ template: `---\ntitle: "Бюджет"\n---\n${md}\n`, templatePath: "budget.md.hbs", partials: {}, labels: {},
      context: {}, lang: "bg" }).document!;
    const file = save(tempDir("cols"), "budget.pdf", await writePdf(doc));
    const text = pdfText(file).replace(/\u00a0/g, " ");
    for (const a of amounts) expect(text.split("\n").filter((l) => l.includes(a)).length, a).toBe(2);
    for (const word of ["Подизпълнители", "Оборудване", "Пътувания", "строителство", "космически", "икономическо"]) expect(text).toContain(word);
  });
});

describe("planning a table again", () => {
  const rows = [cells(["Partner", "Role"], true), cells(["Trakia University", "founder, beneficiary"])];

  it("measures its cells once per measure and plans it alike", () => {
    let calls = 0;
    const counting: Measure = (text, bold) => { calls++; return measure(text, bold); };
    const first = planTable(rows, { ...opts(), measure: counting });
    const measuredFirst = calls;
    expect(measuredFirst).toBeGreaterThan(0);
    // A caller changing its plan does not change the next one.
    first.fractions[0] = 0.99;
    const again = planTable(rows.map((r) => r.map((c) => ({ ...c }))), { ...opts(), measure: counting });
    expect(calls).toBe(measuredFirst);
    expect(again).toEqual(planTable(rows, opts()));
    // Another measure is another set of widths: its own needs, never the first measure's.
    let wide = 0;
    const twice: Measure = (text, bold) => { wide++; return 2 * measure(text, bold); };
    planTable(rows, { ...opts(), measure: twice });
    expect(wide).toBeGreaterThan(0);
  });

  it("measures a table whose text changed", () => {
    let calls = 0;
    const counting: Measure = (text, bold) => { calls++; return measure(text, bold); };
    planTable(rows, { ...opts(), measure: counting });
    const before = calls;
    planTable([rows[0]!, cells(["Trakia University", "founder"])], { ...opts(), measure: counting });
    expect(calls).toBeGreaterThan(before);
  });
});
