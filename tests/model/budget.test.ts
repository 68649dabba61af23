import { describe, expect, it } from "vitest";
import { computeBudget, lineFigures } from "../../src/domain/budget.js";
import { buildContext } from "../../src/model/index.js";
import { loadExample, readCallPack } from "./load-example.js";

const RATES = { eu_funding: 0.5, indirect: 0 };
const line = (personnel: number) => ({ personnel, subcontracting: 0, travel: 0, equipment: 0, other_goods_and_services: 0 });

// One arithmetic for documents, rules and diff: a half cent of EU share is never rounded up past
// the funding rate, and the document model shows exactly what the rules and diff compute.
describe("budget arithmetic", () => {
  it("rounds the EU share down to the cent and gives the national share the rest", () => {
    const f = lineFigures(line(1234.57), RATES);
    expect(f.eligible).toBe(1234.57);
    expect(f.eu).toBe(617.28);
    expect(f.national).toBe(617.29);
    expect(f.eu).toBeLessThanOrEqual(RATES.eu_funding * f.eligible);
  });

  it("is the same in the documents' context as in computeBudget", async () => {
    const app = await loadExample();
    const pack = await readCallPack("DIGITAL-2021-EDIH-01");
    app.budget.lines[0] = { ...app.budget.lines[0]!, personnel: 420000.01, travel: 0.02 };
    const ctx = buildContext(app, { callPack: pack, lang: "en" });
    const rates = { eu_funding: ctx.call.rates.eu_funding!, indirect: ctx.call.rates.indirect! };
    const summary = computeBudget(app.budget, rates);
    expect(ctx.budget.lines.map((l) => [l.partner, l.eligible, l.eu, l.national]))
      .toEqual(summary.lines.map((l) => [l.partner, l.eligible, l.eu, l.national]));
    expect(ctx.budget.totals).toMatchObject(summary.totals);
  });
});
