import { z } from "zod";
import { Eik, IsoDate, Money, Multilingual, Person, Pic, Place, Slug, Vat, Votes } from "./common.js";
import { LegalForm } from "./legal-form.js";

export const PARTNER_TYPES = [
  "public-authority", "higher-education", "research-organisation", "business-association", "chamber",
  "cluster", "regional-agency", "enterprise", "ngo",
] as const;
import { PARTNER_ROLES } from "../domain/roles.js";

export { PARTNER_ROLES };

/** What a municipal council decided: the documents print the decision they rest on (docs/FORMAT.md). */
export const COUNCIL_DECISION_KINDS = ["consent-in-principle", "approval", "other"] as const;
export const CouncilDecisionKind = z.enum(COUNCIL_DECISION_KINDS).meta({
  description: "consent-in-principle (to take part in founding); approval (of the cooperation agreement and the statute, the decision the agreement and the council decision document present); other",
});

const councilDecisionFields = {
  number: z.union([z.string(), z.number().int()]).nullable().optional(),
  date: IsoDate.nullable().optional(),
  protocol: z.union([z.string(), z.number().int()]).nullable().optional(),
  financial_commitment: Money.nullable().optional()
    .meta({ description: "Money the municipality commits; 0 = the decision excludes a financial commitment; null = not known (documents leave a box)" }),
  representative: Multilingual.nullable().optional(),
  substitute: Multilingual.nullable().optional(),
  approves: Multilingual.nullable().optional()
    .meta({ description: "What the decision approves or consents to, as the council worded it" }),
  votes: Votes.nullable().optional().meta({ description: "The council's vote: { for, against, abstained }" }),
};

/** The single-decision form (`council_decision:`), kept for applications written before the list: an approval unless `kind` says otherwise. */
export const CouncilDecision = z.strictObject({
  kind: CouncilDecisionKind.optional(),
  ...councilDecisionFields,
});
/** One entry of `council_decisions:`, where the kind is always written. */
export const CouncilDecisionEntry = z.strictObject({ kind: CouncilDecisionKind, ...councilDecisionFields });
export type CouncilDecision = z.infer<typeof CouncilDecision>;

/** On what authority a representative acts for the organisation (founding protocol, agreement). */
export const REPRESENTATION_KINDS = ["law", "statute", "power-of-attorney"] as const;
export const RepresentationBasis = z.union([
  z.enum(REPRESENTATION_KINDS),
  z.strictObject({
    kind: z.enum(REPRESENTATION_KINDS),
    number: z.union([z.string(), z.number().int()]).nullable().optional()
      .meta({ description: "Number of the power of attorney (or of the act the basis rests on)" }),
    date: IsoDate.nullable().optional().meta({ description: "Date of the power of attorney" }),
    text: Multilingual.nullable().optional()
      .meta({ description: "The basis worded in full, e.g. { bg: чл. 25 от устава, en: Art. 25 of the statute }" }),
  }),
]).meta({ description: "law (the statutory representative: mayor, rector, manager), statute (by the organisation's statute), power-of-attorney ({ kind, number, date })" });
export type RepresentationBasis = z.infer<typeof RepresentationBasis>;

export const Representative = Person.extend({
  basis: RepresentationBasis.nullable().optional()
    .meta({ description: "Why this person represents the organisation; derived for a municipality's mayor when left out" }),
});

export const Partner = z.strictObject({
  id: Slug,
  name: Multilingual,
  short_name: Multilingual.nullable().optional(),
  legal_form: LegalForm,
  legal_form_name: Multilingual.optional().meta({ description: "Name of the legal form when legal_form is other" }),
  type: z.enum(PARTNER_TYPES),
  roles: z.array(z.enum(PARTNER_ROLES)).min(1),
  national: z.boolean().optional().meta({ description: "A national body taking part through a regional branch or project" }),
  eik: Eik,
  pic: Pic,
  vat: Vat,
  sme: z.boolean().nullable().optional(),
  seat: Place,
  branches: z.array(Place).default([]),
  representative: Representative.optional(),
  contact: Person.optional(),
  council_decision: CouncilDecision.optional()
    .meta({ description: "One council decision (the older form); prefer council_decisions" }),
  council_decisions: z.array(CouncilDecisionEntry).optional()
    .meta({ description: "The municipal council's decisions, e.g. consent in principle, then approval of the agreement and statute" }),
  expertise: z.array(Slug).default([]),
  contribution: Multilingual.optional().meta({ description: "What the partner brings (letter of commitment, agreement)" }),
  website: z.string().nullable().optional(),
});
export type Partner = z.infer<typeof Partner>;
