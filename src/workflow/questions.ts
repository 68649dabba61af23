// The questions of `edih init` and `edih partners add`, each tied to its flag.
import { basename, resolve } from "node:path";
import { LANGUAGES, type Language } from "../schema/common.js";
import type { LegalFormId } from "../schema/legal-form.js";
import { PARTNER_ROLES, PARTNER_TYPES } from "../schema/partner.js";
import type { Asker } from "./ask.js";
import { callChoices, callDuration, countryCodes, isNuts, legalFormChoices, nuts2Choices, nuts3Choices } from "./catalog.js";
import { DEP_CAPACITIES, type InitAnswers } from "./init.js";
import { type NewPartner, type PartnerRole, type PartnerType, idProblem, suggestId } from "./partner-file.js";

const OTHER = "__other__";
const plain = (values: readonly string[]) => values.map((v) => ({ value: v, name: v }));

export interface PartnerFlags {
  id?: string; nameBg?: string; nameEn?: string; legalForm?: string; type?: string; roles?: string;
  city?: string; nuts3?: string;
}

export interface InitFlags {
  call?: string; nameBg?: string; nameEn?: string; acronym?: string; country?: string; region?: string;
  languages?: string; technologies?: string; duration?: string;
  legalForm?: string; publicBenefit?: boolean; city?: string; nuts3?: string; partners?: boolean;
}

function nuts3Problem(code: string): string | undefined {
  return isNuts(code, 3) ? undefined : `"${code}" is not a NUTS 3 code of the 2024 classification (e.g. BG344)`;
}

/** A NUTS 3 code: picked from the hub region's list, or typed for a seat elsewhere. */
async function askNuts3(ask: Asker, flag: string, message: string, given: string | undefined, region: string | undefined, def: string | undefined): Promise<string> {
  if (given !== undefined || !ask.prompting) return ask.text(flag, message, given, def, nuts3Problem);
  const choices = region ? nuts3Choices(region) : [];
  if (choices.length > 0) {
    const picked = await ask.select(flag, message, undefined, [...choices, { value: OTHER, name: "elsewhere (type the NUTS 3 code)" }], def ?? choices[0]!.value);
    if (picked !== OTHER) return picked;
  }
  return ask.text(flag, `${message} — NUTS 3 code`, undefined, undefined, nuts3Problem);
}

function cityDefault(nuts3: string | undefined): string | undefined {
  if (!nuts3) return undefined;
  const name = nuts3Choices(nuts3.slice(0, -1)).find((c) => c.value === nuts3)?.name;
  // "BG344 Стара Загора (Stara Zagora)" → "Стара Загора": in Bulgaria the oblast is named after its seat.
  return name?.replace(/^\S+\s+/, "").replace(/\s*\(.*\)$/, "");
}

export async function askPartner(ask: Asker, f: PartnerFlags, ctx: { region?: string; defaultNuts3?: string; takenIds: string[] }): Promise<NewPartner> {
  const nameBg = await ask.text("--name-bg", "Partner's name in Bulgarian", f.nameBg, undefined);
  const nameEn = await ask.text("--name-en", "Partner's name in English", f.nameEn, undefined);
  const id = await ask.text("--id", "Id (kebab-case, used in budget and work plan)", f.id, suggestId(nameEn || nameBg) || undefined,
    (v) => idProblem(v) ?? (ctx.takenIds.includes(v) ? `partner "${v}" already exists` : undefined));
  const legalForm = await ask.select("--legal-form", "Legal form", f.legalForm, legalFormChoices(), undefined) as LegalFormId;
  const type = await ask.select("--type", "Type of organisation", f.type, plain(PARTNER_TYPES), undefined) as PartnerType;
  const roles = await ask.checkbox("--roles", "Roles", f.roles, plain(PARTNER_ROLES), ["founder"]) as PartnerRole[];
  const nuts3 = await askNuts3(ask, "--nuts3", "Seat's region", f.nuts3, ctx.region, ctx.defaultNuts3);
  const city = await ask.text("--city", "Seat's city", f.city, cityDefault(nuts3));
  return { id, nameBg, nameEn, legalForm, type, roles, city, nuts3: nuts3 || null };
}

export async function askInit(ask: Asker, f: InitFlags, dir: string, addPartners: (a: InitAnswers) => Promise<NewPartner[]>): Promise<InitAnswers> {
  const calls = callChoices();
  const defCall = calls.find((c) => c.value === "DIGITAL-2021-EDIH-01")?.value ?? calls[0]?.value;
  const call = await ask.select("--call", "Call", f.call, calls, defCall);
  const acronymDefault = basename(resolve(dir)).toUpperCase().replace(/[^A-Z0-9]+/g, "-").replace(/^-|-$/g, "") || undefined;
  const acronym = await ask.text("--acronym", "Hub acronym", f.acronym, acronymDefault);
  const nameBg = await ask.text("--name-bg", "Hub name in Bulgarian", f.nameBg, acronym ? `Европейски цифров иновационен хъб „${acronym}“` : undefined);
  const nameEn = await ask.text("--name-en", "Hub name in English", f.nameEn, acronym ? `European Digital Innovation Hub ${acronym}` : undefined);
  const country = await ask.select("--country", "Country", f.country, plain(countryCodes()), "BG");
  const regions = nuts2Choices(country);
  const region = await ask.select("--region", "Region the hub covers (NUTS 2)", f.region, regions, regions[0]?.value);
  const languages = await ask.checkbox("--languages", "Languages of the documents", f.languages, plain(LANGUAGES), ["bg", "en"]) as Language[];
  const technologies = await ask.checkbox("--technologies", "Digital Europe capacities the hub offers", f.technologies,
    plain(DEP_CAPACITIES), [...DEP_CAPACITIES]);
  const durationText = await ask.text("--duration", "Duration in months", f.duration, String(callDuration(call) ?? 36),
    (v) => (/^[1-9]\d*$/.test(v) ? undefined : "a whole number of months"));
  const legalForm = await ask.select("--legal-form", "Legal form of the hub's entity", f.legalForm, legalFormChoices(), "association") as LegalFormId;
  const publicBenefit = await ask.confirm("--public-benefit", "Is it for public benefit (общественополезна дейност)?", f.publicBenefit, true);
  const nuts3 = await askNuts3(ask, "--nuts3", "Seat of the hub's entity", f.nuts3, region, nuts3Choices(region)[0]?.value);
  const city = await ask.text("--city", "City of the seat", f.city, cityDefault(nuts3));
  const answers: InitAnswers = {
    call, nameBg, nameEn, acronym, region, languages, technologies, durationMonths: Number(durationText),
    legalEntity: { legalForm, publicBenefit, city, nuts3: nuts3 || null }, partners: [],
  };
  answers.partners = f.partners === false ? [] : await addPartners(answers);
  return answers;
}
