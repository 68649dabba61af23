import { z } from "zod";
import { Multilingual, Slug } from "./common.js";

export const Kpi = z.strictObject({
  id: Slug,
  title: Multilingual.optional(),
  target: z.number().nonnegative(),
  unit: Multilingual.optional(),
  breakdown: z.array(Slug).default([]),
});
export type Kpi = z.infer<typeof Kpi>;
