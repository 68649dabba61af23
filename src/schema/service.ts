import { z } from "zod";
import { Multilingual, Slug } from "./common.js";

export const SERVICE_FAMILIES = [
  "test-before-invest", "skills-and-training", "support-to-find-investments", "ecosystem-and-networking",
] as const;

export const Service = z.strictObject({
  id: Slug,
  family: z.enum(SERVICE_FAMILIES),
  title: Multilingual,
  description: Multilingual.optional(),
  providers: z.array(Slug).min(1),
  technologies: z.array(Slug).default([]),
  target_groups: z.array(Slug).optional(),
});
export type Service = z.infer<typeof Service>;
