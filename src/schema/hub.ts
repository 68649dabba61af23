import { z } from "zod";
import { IsoDate, Eik, Multilingual, NutsCode, Person, Pic, Place, Slug, Vat, Votes } from "./common.js";
import { LegalForm } from "./legal-form.js";
import { FOUNDING_VOTES } from "./vocabulary.js";

export const FoundingMeeting = z.strictObject({
  date: IsoDate.nullable().optional(),
  place: Multilingual.nullable().optional(),
  chair: Multilingual.nullable().optional(),
  secretary: Multilingual.nullable().optional(),
  address: Multilingual.nullable().optional().meta({ description: "Address of the meeting place (founding protocol)" }),
  opened_by: Multilingual.nullable().optional().meta({ description: "Name of the person who opened the meeting (founding protocol)" }),
  // An object of optional keys rather than a record, so a misspelt item gets a "did you mean".
  votes: z.strictObject(Object.fromEntries(FOUNDING_VOTES.map((k) => [k, Votes.optional()])) as Record<(typeof FOUNDING_VOTES)[number], z.ZodOptional<typeof Votes>>).nullable().optional()
    .meta({ description: "The vote on each item of the founding protocol ({ for, against, abstained }); `all` stands for every item not listed" }),
});

/** A member of the first management board (founding protocol). */
export const BoardMember = z.strictObject({
  name: Multilingual.nullable().optional().meta({ description: "The member's name (a person, or the person representing the organisation)" }),
  partner: Slug.nullable().optional().meta({ description: "Id of the founder the member is or represents" }),
  role: Multilingual.nullable().optional().meta({ description: "e.g. { bg: председател, en: chair }" }),
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
  management_board_term: Multilingual.nullable().optional()
    .meta({ description: "Term of office of the management board in the statute, e.g. { bg: три години, en: three years }" }),
  management_board: z.array(BoardMember).nullable().optional()
    .meta({ description: "Members of the first management board elected by the founding meeting" }),
  // `none` is also text; templates tell it apart.
  economic_activity: z.union([Multilingual, z.literal("none")]).nullable().optional()
    .meta({ description: "Subject of the association's ancillary economic activity (statute), or none" }),
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
  // Digital Europe runs 2021-2027: 120 months bounds any project; 120000 is a typing mistake.
  duration_months: z.number().int().positive().max(120),
  start_date: IsoDate.nullable().optional(),
  summary: Multilingual.optional().meta({ description: "Abstract of the proposal (Part A, max characters per call pack)" }),
  purpose: z.array(Multilingual).default([]).meta({ description: "Goals of the association (statute, agreement)" }),
  keywords: Multilingual.optional(),
  website: z.string().nullable().optional(),
});
export type Hub = z.infer<typeof Hub>;
