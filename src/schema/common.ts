import { z } from "zod";

import { LANGUAGES } from "../domain/languages.js";

/** Language codes documents can be produced in (ISO 639-1). */
export { LANGUAGES };
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** A plain string (every language) or a map `{ bg: ..., en: ... }`. */
export const Multilingual = z.union([
  z.string().min(1),
  z.strictObject({ bg: z.string().min(1).optional(), en: z.string().min(1).optional() }),
]).meta({ description: "Text: a plain string used for every language, or { bg: ..., en: ... }" });
export type Multilingual = z.infer<typeof Multilingual>;

/** ISO date written as YAML plain scalar (YAML 1.2 keeps it a string). */
export const IsoDate = z.iso.date().meta({ description: "ISO date, e.g. 2021-03-30" });

/** kebab-case id used for references across files. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and hyphens (kebab-case)");

/** Identifiers are strings: an unquoted 000818019 is a YAML number and loses its zeros. */
export const Eik = z.string().regex(/^\d{9}(\d{4})?$/, "ЕИК/БУЛСТАТ has 9 or 13 digits").nullable().optional()
  .meta({ description: "ЕИК / БУЛСТАТ of a Bulgarian entity, 9 or 13 digits, quoted (not asked of entities elsewhere)" });
export const Pic = z.string().nullable().optional().meta({ description: "EU Participant Identification Code, 9 digits, quoted" });
export const Vat = z.string().nullable().optional().meta({ description: "EU VAT number with its country prefix, e.g. \"BG123456789\", \"IT00743110157\"" });

export const NutsCode = z.string().regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, "a NUTS code looks like BG34 or BG344");

export const Place = z.strictObject({
  city: Multilingual,
  nuts3: NutsCode.nullable().optional(),
  address: Multilingual.nullable().optional(),
  postcode: z.string().nullable().optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional()
    .meta({ description: "ISO country code; only needed without nuts3 (the NUTS code's country otherwise; without either, the hub region's)" }),
});
export type Place = z.infer<typeof Place>;

export const Person = z.strictObject({
  name: Multilingual.nullable().optional(),
  position: Multilingual.nullable().optional(),
  email: z.email().nullable().optional(),
  phone: z.string().nullable().optional(),
});
export type Person = z.infer<typeof Person>;

/** A vote: how many voted for, against and abstained (founding meeting, municipal council). */
export const Votes = z.strictObject({
  for: z.number().int().nonnegative(),
  against: z.number().int().nonnegative(),
  abstained: z.number().int().nonnegative(),
});
export type Votes = z.infer<typeof Votes>;

/**
 * Amounts are exact to the cent only within bounds (doubles: 2^53 cents); an EDIH budget is a few
 * million, so anything beyond ten billion is a typing mistake, not an amount (and 1e21 would print
 * as "4.2e+22").
 */
export const MAX_AMOUNT = 10_000_000_000;
export const Money = z.number().finite().min(-MAX_AMOUNT).max(MAX_AMOUNT, `an amount above ${MAX_AMOUNT.toLocaleString("en")} is not a grant budget (typing mistake?)`)
  .meta({ description: "Amount in the budget's currency, at most 10 000 000 000" });
