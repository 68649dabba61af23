// EU VAT numbers of every member state: format and check digits. Bulgarian numbers use edih's
// own sourced algorithm (./vat.ts, python-stdnum bg/vat); the other 26 use jsvat, a maintained
// library (no dependencies), rather than 26 hand-written algorithms.
import {
  austria, belgium, checkVAT, croatia, cyprus, czechRepublic, denmark, estonia, finland, france, germany, greece,
  hungary, ireland, italy, latvia, lithuania, luxembourg, malta, netherlands, poland, portugal, romania,
  slovakiaRepublic, slovenia, spain, sweden,
} from "jsvat";
import { vatPrefix, vatPrefixCountry } from "../../refdata/countries.js";
import { bgVatProblem, normaliseVat } from "../../domain/vat.js";

const OTHER_MEMBER_STATES = [
  austria, belgium, croatia, cyprus, czechRepublic, denmark, estonia, finland, france, germany, greece, hungary,
  ireland, italy, latvia, lithuania, luxembourg, malta, netherlands, poland, portugal, romania, slovakiaRepublic,
  slovenia, spain, sweden,
];
/** jsvat's country for each ISO code (its codes[0]; Greece is GR there too). */
const BY_ISO = new Map(OTHER_MEMBER_STATES.map((c) => [c.codes[0]!, c]));

/** ISO codes of the countries whose VAT numbers are checked: the 27 EU member states. */
export const EU_VAT_COUNTRIES: readonly string[] = ["BG", ...BY_ISO.keys()].sort();

export type EuVatProblem =
  /** No two-letter prefix, or one that is no EU member state's. */
  | "prefix"
  /** Not the country's pattern of digits and letters. */
  | "format"
  /** The pattern is right but a check digit is wrong. */
  | "checksum";

export interface EuVatCheck {
  /** The number without spaces, dots or hyphens, upper case. */
  compact: string;
  /** ISO country of the prefix, when it is an EU member state's. */
  country?: string;
  problem?: EuVatProblem;
}

export function checkEuVat(raw: string): EuVatCheck {
  const compact = normaliseVat(raw);
  const prefix = /^[A-Z]{2}/.exec(compact)?.[0];
  const country = prefix === undefined ? undefined : vatPrefixCountry(prefix);
  // "GR" is the ISO code but never a VAT prefix: Greek numbers start EL.
  if (country === undefined || !EU_VAT_COUNTRIES.includes(country) || vatPrefix(country) !== prefix) {
    return { compact, problem: "prefix" };
  }
  if (country === "BG") {
    const problem = bgVatProblem(compact);
    return problem ? { compact, country, problem } : { compact, country };
  }
  const r = checkVAT(compact, [BY_ISO.get(country)!]);
  if (!r.isValidFormat) return { compact, country, problem: "format" };
  if (!r.isValid) return { compact, country, problem: "checksum" };
  return { compact, country };
}
