import { z } from "zod";
import { LANGUAGES } from "./common.js";
import { Hub } from "./hub.js";
import { Partner } from "./partner.js";
import { Service } from "./service.js";
import { WorkPackage } from "./work-package.js";
import { Budget } from "./budget.js";
import { Kpi } from "./kpi.js";

/** The whole application as the loader merges it (edih.yaml + partners/*.yaml). */
export const Application = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  call: z.string().min(1).meta({ description: "Id of a call pack in data/calls/, e.g. DIGITAL-2021-EDIH-01 or BG-EDIH-PRESELECTION-2021" }),
  languages: z.array(z.enum(LANGUAGES)).min(1).default(["bg", "en"]),
  hub: Hub,
  partners: z.array(Partner).default([]),
  services: z.array(Service).default([]),
  work_packages: z.array(WorkPackage).default([]),
  budget: Budget.default({ currency: "EUR", lines: [] }),
  kpis: z.array(Kpi).default([]),
});
export type Application = z.infer<typeof Application>;
/** What the YAML may hold before defaults and aliases apply. */
export type ApplicationInput = z.input<typeof Application>;
