// The budget arithmetic of the DEP model grant: the one place the documents, the rules and
// `apply diff` compute it, so a printed table, a rule finding and a diff never disagree by a cent.
// Indirect costs = rate × (direct − subcontracting) follows the DEP corporate model grant as the
// research note remembers it [I: unconfirmed]; the rates come from the call pack. Every amount is
// rounded to the cent per line and totals are sums of the rounded lines, so a table adds up.

/** Direct eligible cost categories of the DEP model grant (A personnel, B subcontracting, C purchases). */
export const COST_CATEGORIES = ["personnel", "subcontracting", "travel", "equipment", "other_goods_and_services"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const CURRENCIES = ["EUR", "BGN"] as const;

/** The amounts of one budget line (the input format's `budget.lines[]`, defaults applied). */
export type CostLine = Record<CostCategory, number> & { partner: string };
export interface CostBudget {
  currency: (typeof CURRENCIES)[number];
  lines: readonly CostLine[];
}

export interface BudgetRates {
  /** EU contribution as a share of eligible costs (e.g. 0.5). */
  eu_funding: number;
  /** Flat rate of indirect costs (e.g. 0.07). */
  indirect: number;
}

export interface BudgetFigures {
  personnel: number;
  subcontracting: number;
  travel: number;
  equipment: number;
  other_goods_and_services: number;
  direct: number;
  indirect: number;
  eligible: number;
  eu: number;
  national: number;
}

export interface BudgetRow extends BudgetFigures {
  partner: string;
}

export interface BudgetSummary {
  currency: CostBudget["currency"];
  rates: BudgetRates;
  lines: BudgetRow[];
  totals: BudgetFigures;
}

/** Rounds to cents, half away from zero, avoiding binary float drift (1.005 → 1.01). */
export function roundCents(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7) / 100;
}

/** Figures of one line: direct, indirect on (direct − subcontracting), eligible, EU and national shares. */
export function lineFigures(line: Record<CostCategory, number>, rates: BudgetRates): BudgetFigures {
  const direct = roundCents(COST_CATEGORIES.reduce((s, c) => s + line[c], 0));
  const indirect = roundCents(rates.indirect * (direct - line.subcontracting));
  const eligible = roundCents(direct + indirect);
  // EU share rounded down to the cent, so it can never exceed the funding rate.
  const eu = Math.floor(roundCents(rates.eu_funding * eligible * 100) + 1e-7) / 100;
  const national = roundCents(eligible - eu);
  return {
    personnel: line.personnel, subcontracting: line.subcontracting, travel: line.travel,
    equipment: line.equipment, other_goods_and_services: line.other_goods_and_services,
    direct, indirect, eligible, eu, national,
  };
}

export const AMOUNT_FIELDS = [...COST_CATEGORIES, "direct", "indirect", "eligible", "eu", "national"] as const;

/** Column sums of rounded rows, as a budget table's total row shows them. */
export function sumFigures(rows: readonly BudgetFigures[]): BudgetFigures {
  return Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, roundCents(rows.reduce((s, r) => s + r[f], 0))])) as unknown as BudgetFigures;
}

/** Per-line figures and totals (totals are sums of the rounded lines, as a budget table shows them). */
export function computeBudget(budget: CostBudget, rates: BudgetRates): BudgetSummary {
  const lines = budget.lines.map((l) => ({ partner: l.partner, ...lineFigures(l, rates) }));
  return { currency: budget.currency, rates, lines, totals: sumFigures(lines) };
}
