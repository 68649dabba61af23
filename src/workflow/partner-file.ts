import type { LegalFormId } from "../schema/vocabulary.js";
import { PARTNER_ROLES, PARTNER_TYPES } from "../schema/partner.js";
import { Slug } from "../schema/common.js";
import { schemaComment } from "./json-schema.js";
import { FLOW_KEYS, toYaml } from "./yaml-text.js";

export type PartnerType = (typeof PARTNER_TYPES)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** What `init` and `partners add` ask about a new partner. */
export interface NewPartner {
  id: string;
  nameBg: string;
  nameEn: string;
  legalForm: LegalFormId;
  /** The form's own name where legalForm is other, e.g. "GmbH"; null = not known yet. */
  legalFormName?: string | null;
  type: PartnerType;
  roles: PartnerRole[];
  city: string;
  nuts3: string | null;
  /** ISO country of the seat (from the NUTS code): an ЕИК is asked of Bulgarian partners only. */
  country: string;
  /** Identifiers as typed and checked; null = not known yet, undefined = not asked (ЕИК abroad). */
  eik?: string | null;
  vat?: string | null;
  pic?: string | null;
  /** A municipal founder's council decision (ЗМСМА чл. 21); what is not known yet stays null. */
  councilDecision?: CouncilDecisionAnswer;
}

export interface CouncilDecisionAnswer { number: string | null; date: string | null }

export const isMunicipalFounder = (p: Pick<NewPartner, "legalForm" | "roles">): boolean =>
  p.legalForm === "municipality" && p.roles.includes("founder");

/** A kebab-case id suggested from a name (Latin letters only; Cyrillic is transliterated). */
export function suggestId(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => BG_LATIN[ch] ?? ch).join("");
  return latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}

// Bulgarian streamlined system (Закон за транслитерацията), lower case.
const BG_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h", ц: "ts", ч: "ch",
  ш: "sh", щ: "sht", ъ: "a", ь: "y", ю: "yu", я: "ya",
};

/** Why an id cannot be used, or undefined when it is a valid slug. */
export function idProblem(id: string): string | undefined {
  const r = Slug.safeParse(id);
  return r.success ? undefined : `"${id}" is not a valid id: ${r.error.issues[0]?.message ?? "invalid"}`;
}

/**
 * The partner mapping as written to partners/<id>.yaml: no `id` key, the file name is the id
 * (FORMAT.md); unknown identifiers are null, not invented.
 */
export function partnerData(p: NewPartner): Record<string, unknown> {
  return {
    name: multilingual({ bg: p.nameBg, en: p.nameEn }),
    legal_form: p.legalForm,
    ...(p.legalFormName ? { legal_form_name: p.legalFormName } : {}),
    type: p.type,
    roles: p.roles,
    // ЕИК/БУЛСТАТ is a Bulgarian register's number: only a Bulgarian partner gets the key.
    ...(p.country === "BG" ? { eik: p.eik ?? null } : {}),
    pic: p.pic ?? null,
    vat: p.vat ?? null,
    seat: { city: p.city, nuts3: p.nuts3 },
    ...(p.councilDecision ? { council_decision: { number: p.councilDecision.number, date: p.councilDecision.date, protocol: null } } : {}),
  };
}

/** A `{ bg, en }` value with only the languages that were given (an English-only application has no bg). */
export function multilingual(m: { bg: string; en: string }): Record<string, string> {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== ""));
}

/** Text of a new partners/<id>.yaml; `schemaPath` is the partner schema relative to that file. */
export function partnerYaml(p: NewPartner, schemaPath: string): string {
  return schemaComment(schemaPath) + toYaml(partnerData(p), [...FLOW_KEYS, "council_decision"]);
}
