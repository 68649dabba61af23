import { z } from "zod";
import { Multilingual, Slug } from "./common.js";
import { SERVICE_FAMILIES } from "./vocabulary.js";


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
