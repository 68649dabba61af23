import type { BudgetLine } from "../schema/index.js";

/**
 * Budget arithmetic of the DEP grant as the documents show it. Every amount is rounded to the
 * cent per line and totals are sums of the rounded lines, so a printed table always adds up.
 * Indirect costs are a flat rate on direct costs minus subcontracting (DEP model grant [I]).
 */
export interface BudgetRates {
  /** EU funding rate, a fraction (0.5 = 50 %). */
  eu_funding: number;
  /** Flat rate of indirect costs, a fraction (0.07 = 7 %). */
  indirect: number;
}

export const AMOUNT_FIELDS = [
  "personnel", "subcontracting", "travel", "equipment", "other_goods_and_services",
  "direct", "indirect", "eligible", "eu", "national",
] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];
export type Amounts = Record<AmountField, number>;

export function roundCents(x: number): number {
  // The epsilon keeps 0.125 from rounding down because of its binary representation.
  return Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;
}

export function lineAmounts(line: BudgetLine, rates: BudgetRates): Amounts {
  const direct = roundCents(
    line.personnel + line.subcontracting + line.travel + line.equipment + line.other_goods_and_services,
  );
  const indirect = roundCents(rates.indirect * (direct - line.subcontracting));
  const eligible = roundCents(direct + indirect);
  const eu = roundCents(rates.eu_funding * eligible);
  return {
    personnel: line.personnel,
    subcontracting: line.subcontracting,
    travel: line.travel,
    equipment: line.equipment,
    other_goods_and_services: line.other_goods_and_services,
    direct,
    indirect,
    eligible,
    eu,
    national: roundCents(eligible - eu),
  };
}

export function sumAmounts(rows: readonly Amounts[]): Amounts {
  const total = Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, 0])) as Amounts;
  for (const row of rows) for (const f of AMOUNT_FIELDS) total[f] = roundCents(total[f] + row[f]);
  return total;
}
