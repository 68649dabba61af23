import { z } from "zod";
import { Eik, IsoDate, Money, Multilingual, Person, Pic, Place, Slug, Vat } from "./common.js";
import { LegalForm } from "./legal-form.js";

export const PARTNER_TYPES = [
  "public-authority", "higher-education", "research-organisation", "business-association", "chamber",
  "cluster", "regional-agency", "enterprise", "ngo",
] as const;
import { PARTNER_ROLES } from "../domain/roles.js";

export { PARTNER_ROLES };

export const CouncilDecision = z.strictObject({
  number: z.union([z.string(), z.number().int()]).nullable().optional(),
  date: IsoDate.nullable().optional(),
  protocol: z.union([z.string(), z.number().int()]).nullable().optional(),
  financial_commitment: Money.nullable().optional()
    .meta({ description: "Money the municipality commits; 0 = the decision excludes a financial commitment; null = not known (documents leave a box)" }),
  representative: Multilingual.nullable().optional(),
  substitute: Multilingual.nullable().optional(),
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
  representative: Person.optional(),
  contact: Person.optional(),
  council_decision: CouncilDecision.optional(),
  expertise: z.array(Slug).default([]),
  contribution: Multilingual.optional().meta({ description: "What the partner brings (letter of commitment, agreement)" }),
  website: z.string().nullable().optional(),
});
export type Partner = z.infer<typeof Partner>;
