import { z } from "zod";
import { IsoDate, Eik, Multilingual, NutsCode, Person, Pic, Place, Slug, Vat } from "./common.js";
import { LegalForm } from "./legal-form.js";

export const FoundingMeeting = z.strictObject({
  date: IsoDate.nullable().optional(),
  place: Multilingual.nullable().optional(),
  chair: Multilingual.nullable().optional(),
  secretary: Multilingual.nullable().optional(),
});

export const LegalEntity = z.strictObject({
  legal_form: LegalForm,
  legal_form_name: Multilingual.optional().meta({ description: "Name of the legal form when legal_form is other, e.g. { en: recognised association, it: ... }" }),
  public_benefit: z.boolean(),
  status: z.enum(["planned", "founded", "registered"]),
  founded_on: IsoDate.nullable().optional(),
  eik: Eik,
  vat: Vat,
  pic: Pic,
  seat: Place,
  founding_meeting: FoundingMeeting.optional(),
  management_board_size: z.number().int().positive().nullable().optional()
    .meta({ description: "Members of the management board (управителен съвет) in the statute" }),
  term: Multilingual.nullable().optional().meta({ description: "Term of the association; unlimited when left out" }),
  representative: Person.optional(),
});

export const Hub = z.strictObject({
  acronym: z.string().min(1),
  project_acronym: z.string().min(1).optional(),
  name: Multilingual,
  project_title: Multilingual.optional().meta({ description: "Title of the EU proposal (Part A, max characters per call pack)" }),
  region: NutsCode.meta({ description: "NUTS 2 code of the region the hub covers, e.g. BG34" }),
  legal_entity: LegalEntity,
  technologies: z.array(Slug).min(1),
  sectors: z.array(Slug).default([]),
  target_groups: z.array(Slug).min(1),
  duration_months: z.number().int().positive(),
  start_date: IsoDate.nullable().optional(),
  summary: Multilingual.optional().meta({ description: "Abstract of the proposal (Part A, max characters per call pack)" }),
  purpose: z.array(Multilingual).default([]).meta({ description: "Goals of the association (statute, agreement)" }),
  keywords: Multilingual.optional(),
  website: z.string().nullable().optional(),
});
export type Hub = z.infer<typeof Hub>;
