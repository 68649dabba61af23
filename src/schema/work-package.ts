import { z } from "zod";
import { Multilingual, Slug } from "./common.js";

export const DELIVERABLE_TYPES = ["report", "demonstrator", "websites-patents-videos", "data", "other"] as const;
const DELIVERABLE_TYPE_ALIASES: Record<string, (typeof DELIVERABLE_TYPES)[number]> = {
  R: "report", DEM: "demonstrator", DEC: "websites-patents-videos", DATA: "data", OTHER: "other",
};

const Month = z.number().int();

export const Deliverable = z.strictObject({
  id: z.string().min(1),
  title: Multilingual,
  month: Month,
  type: z.union([
    z.enum(DELIVERABLE_TYPES),
    z.enum(Object.keys(DELIVERABLE_TYPE_ALIASES) as [string, ...string[]]).transform((a) => DELIVERABLE_TYPE_ALIASES[a]!),
  ]),
  dissemination: z.enum(["PU", "SEN"]),
  lead: Slug.optional(),
});

export const Milestone = z.strictObject({
  id: z.string().min(1),
  title: Multilingual,
  month: Month,
  verification: Multilingual.optional(),
});

export const WorkPackage = z.strictObject({
  id: z.string().regex(/^WP\d+$/, "work package ids look like WP1"),
  title: Multilingual,
  lead: Slug,
  start_month: Month,
  end_month: Month,
  objectives: Multilingual.optional(),
  description: Multilingual.optional(),
  effort: z.record(Slug, z.number().nonnegative()).default({}),
  deliverables: z.array(Deliverable).default([]),
  milestones: z.array(Milestone).default([]),
});
export type WorkPackage = z.infer<typeof WorkPackage>;
