// Identifiers typed at a prompt or given as flags, checked as they are typed with the same
// algorithms the rules use, so `init` and `partners add` never write a number validate refuses.
import { vatPrefix } from "../refdata/countries.js";
import { eikProblem } from "../domain/eik.js";
import { checkEuVat } from "../rules/lib/eu-vat.js";
import { normaliseVat } from "../domain/vat.js";

export function eikAnswerProblem(v: string): string | undefined {
  const problem = eikProblem(v);
  if (!problem) return undefined;
  return problem === "format" ? "an ЕИК/БУЛСТАТ has 9 or 13 digits" : `ЕИК ${v} fails its check digit (a typo?)`;
}

/** A VAT number of an entity seated in `country` (ISO). */
export function vatAnswerProblem(v: string, country: string): string | undefined {
  const r = checkEuVat(v);
  if (r.problem === "prefix") return `"${v}" does not start with an EU country prefix (e.g. ${vatPrefix(country)})`;
  if (r.country !== country) return `${r.compact} is a VAT number of ${r.country}, but the seat is in ${country} (it starts with ${vatPrefix(country)})`;
  if (r.problem === "format") return `"${v}" does not have the format of a ${country} VAT number`;
  if (r.problem === "checksum") return `VAT number ${r.compact} fails its check digit (a typo?)`;
  return undefined;
}

export function picAnswerProblem(v: string): string | undefined {
  return /^\d{9}$/.test(v) ? undefined : "a PIC has 9 digits (Participant Register of the Funding & Tenders Portal)";
}

/** As written to the file: without the spaces a VAT number is often typed with. */
export const vatAnswer = (v: string | null): string | null => (v === null ? null : normaliseVat(v));
