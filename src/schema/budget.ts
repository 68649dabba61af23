import { z } from "zod";
import { Money, Slug } from "./common.js";

import { COST_CATEGORIES, CURRENCIES, type CostCategory } from "../domain/budget.js";

export { COST_CATEGORIES, type CostCategory };

export const BudgetLine = z.strictObject({
  partner: Slug,
  personnel: Money.default(0),
  subcontracting: Money.default(0),
  travel: Money.default(0),
  equipment: Money.default(0),
  other_goods_and_services: Money.default(0),
  note: z.string().optional(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Budget = z.strictObject({
  currency: z.enum(CURRENCIES).default("EUR"),
  illustrative: z.boolean().optional().meta({ description: "Figures are an example, not the consortium's agreed budget" }),
  lines: z.array(BudgetLine).default([]),
});
export type Budget = z.infer<typeof Budget>;
