import { describe, expect, it } from "vitest";
import rule from "../../src/rules/budget-eu-share.js";
import { computeBudget, lineFigures, roundCents } from "../../src/domain/budget.js";
import { ruleTester } from "./tester.js";

describe("budget arithmetic", () => {
  const rates = { eu_funding: 0.5, indirect: 0.07 };
  it("indirect = rate × (direct − subcontracting); EU = rate × eligible; national = the rest", () => {
    const f = lineFigures({ personnel: 100000, subcontracting: 10000, travel: 5000, equipment: 0, other_goods_and_services: 0 }, rates);
    expect(f.direct).toBe(115000);
    expect(f.indirect).toBe(7350); // 0.07 × 105000
    expect(f.eligible).toBe(122350);
    expect(f.eu).toBe(61175);
    expect(f.national).toBe(61175);
  });
  it("EU share is rounded down to the cent, never above the rate", () => {
    const f = lineFigures({ personnel: 0.03, subcontracting: 0, travel: 0, equipment: 0, other_goods_and_services: 0 }, { eu_funding: 0.5, indirect: 0 });
    expect(f.eu).toBe(0.01);
    expect(f.national).toBe(0.02);
  });
  it("totals are sums of lines", () => {
    const s = computeBudget({ currency: "EUR", lines: [
      { partner: "a", personnel: 1000, subcontracting: 0, travel: 0, equipment: 0, other_goods_and_services: 0 },
      { partner: "b", personnel: 2000, subcontracting: 500, travel: 0, equipment: 0, other_goods_and_services: 0 },
    ] }, rates);
    expect(s.totals.direct).toBe(3500);
    expect(s.totals.indirect).toBe(roundCents(70 + 140));
    expect(s.totals.eu + s.totals.national).toBe(s.totals.eligible);
  });
  // Why the rule compares only the rate with the allowed share: no budget's EU total exceeds
  // rate × eligible costs, so a total above the share can only come from a rate above it.
  it("the EU total never exceeds rate × eligible costs (random budgets, fixed seed)", () => {
    let seed = 12345;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const cents = () => Math.round(next() * 50_000_000) / 100;
    for (let n = 0; n < 500; n++) {
      const r = { eu_funding: Math.round(next() * 5000) / 10000, indirect: Math.round(next() * 2500) / 10000 };
      const lines = Array.from({ length: 1 + Math.floor(next() * 20) }, (_, i) => ({
        partner: `p${i}`, personnel: cents(), subcontracting: cents(), travel: cents(), equipment: cents(), other_goods_and_services: cents(),
      }));
      const { totals } = computeBudget({ currency: "EUR", lines }, r);
      expect(totals.eu, `rate ${r.eu_funding}, ${lines.length} lines`).toBeLessThanOrEqual(r.eu_funding * totals.eligible + 0.005);
    }
  });
  it("roundCents handles binary drift", () => { expect(roundCents(1.005)).toBe(1.01); expect(roundCents(-1.005)).toBe(-1.01); });
});

ruleTester(rule, {
  valid: [{ name: "50 % under the pack's 50 % rate" }, { name: "a lower rate", pack: (p) => { p.rates.eu_funding = 0.4; } }],
  invalid: [
    { name: "a pack rate above the allowed share", pack: (p) => { p.rates.eu_funding = 0.6; },
      errors: [{ messageId: "rateAboveShare", data: { rate: 0.6, max: 0.5 }, severity: "warning" }] },
    { name: "an error when the rate is confirmed", pack: (p) => { p.rates.eu_funding = 0.6; p.facts.eu_funding_rate!.status = "V"; p.facts.indirect_rate!.status = "V"; },
      errors: [{ messageId: "rateAboveShare", severity: "error" }] },
    { name: "a stricter option", options: { max_share: 0.4 }, errors: [{ messageId: "rateAboveShare", data: { rate: 0.5, max: 0.4 } }] },
    { name: "negative costs leave a negative national share", patch: (a) => { a.budget.lines = [{ partner: "chamber", personnel: -1000 }]; },
      errors: [{ messageId: "negativeNational", data: { amount: -535 }, path: ["budget"] }] },
  ],
});
