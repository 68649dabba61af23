// The questions of `edih init` and `edih partners add`, each tied to its flag.
import { basename, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { wholeNumberProblem } from "./options.js";
import { FAMILY_NAMES } from "../model/terms.js";
import { IsoDate, LANGUAGES, type Language } from "../schema/common.js";
import type { LegalFormId } from "../schema/vocabulary.js";
import { PARTNER_ROLES, PARTNER_TYPES } from "../schema/partner.js";
import { SERVICE_FAMILIES } from "../schema/vocabulary.js";
import type { Asker } from "./ask.js";
import { callChoices, callDuration, countryCodes, isNuts, legalFormChoices, nuts2Choices, nuts3Choices } from "./catalog.js";
import {
  type CallRequirements, type CouncilDecisionAnswer, DEP_CAPACITIES, type InitAnswers, type InitPartner, type NewService,
  type ServiceFamily, callRequirements, countFounders, isMunicipalFounder,
} from "./init.js";
import { type NewPartner, type PartnerRole, type PartnerType, idProblem, suggestId } from "./partner-file.js";
import { eikAnswerProblem, picAnswerProblem, vatAnswer, vatAnswerProblem } from "./identifier-answers.js";
import { nutsCountry } from "../refdata/countries.js";

const OTHER = "__other__";
/** Under --yes, a fact no flag gives and edih must not guess: written as null, listed by validate. */
const REGION_UNKNOWN = "";
const plain = (values: readonly string[]) => values.map((v) => ({ value: v, name: v }));

export interface PartnerFlags {
  id?: string; nameBg?: string; nameEn?: string; legalForm?: string; legalFormName?: string; type?: string; roles?: string;
  city?: string; nuts3?: string;
  /** Identifiers; empty = not known yet (null in the file). */
  eik?: string; vat?: string; pic?: string;
  /** A municipal founder's council decision; empty = not known yet (null in the file). */
  councilNumber?: string; councilDate?: string;
}

export interface InitFlags {
  call?: string; nameBg?: string; nameEn?: string; acronym?: string; country?: string; region?: string;
  languages?: string; technologies?: string; duration?: string;
  legalForm?: string; legalFormName?: string; publicBenefit?: boolean; city?: string; nuts3?: string; partners?: boolean;
  /** Identifiers of the hub's entity; empty = not known yet. */
  eik?: string; vat?: string; pic?: string;
  /** Id of the coordinating partner (entered now, or added later with `edih partners add`), or "none". */
  coordinator?: string;
  /** Repeatable: <family>=<title>@<provider>[,<provider>]. */
  service?: string[];
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

/** The name in each language of the application; a language it is not written in is not asked. */
async function askNames(ask: Asker, what: string, f: { nameBg?: string; nameEn?: string }, languages: readonly Language[],
  defaults: { bg?: string; en?: string } = {}): Promise<{ nameBg: string; nameEn: string }> {
  const nameBg = languages.includes("bg") ? await ask.text("--name-bg", `${what} in Bulgarian`, f.nameBg, defaults.bg) : f.nameBg ?? "";
  const nameEn = languages.includes("en") ? await ask.text("--name-en", `${what} in English`, f.nameEn, defaults.en) : f.nameEn ?? "";
  return { nameBg, nameEn };
}

/** The name of a legal form outside edih's list (legal_form: other); empty = not known yet (validate asks). */
async function askLegalFormName(ask: Asker, legalForm: string, given: string | undefined): Promise<string | null> {
  if (legalForm !== "other") {
    if (given !== undefined) throw new UsageError("--legal-form-name goes with --legal-form other", "the listed forms have their names in data/legal-forms.yaml");
    return null;
  }
  return ask.optional("--legal-form-name", "Name of the legal form (e.g. GmbH, associazione riconosciuta)", given);
}

/** ЕИК (Bulgarian entities only), VAT and PIC: each checked as typed; empty = not known yet. */
async function askIdentifiers(ask: Asker, f: { eik?: string; vat?: string; pic?: string }, country: string, who: string):
  Promise<{ eik?: string | null; vat: string | null; pic: string | null }> {
  if (country !== "BG" && f.eik !== undefined && f.eik.trim() !== "") {
    throw new UsageError(`--eik: an ЕИК/БУЛСТАТ is a Bulgarian register's number, but the seat is in ${country}`, "leave --eik out; give --vat (and --pic)");
  }
  const eik = country === "BG" ? await ask.optional("--eik", `${who}: ЕИК/БУЛСТАТ (empty if not known yet)`, f.eik, eikAnswerProblem) : undefined;
  const vat = vatAnswer(await ask.optional("--vat", `${who}: VAT number, e.g. ${country === "GR" ? "EL" : country}… (empty if not known yet or not VAT-registered)`, f.vat,
    (v) => vatAnswerProblem(v, country)));
  const pic = await ask.optional("--pic", `${who}: PIC, 9 digits (empty if not known yet)`, f.pic, picAnswerProblem);
  return { ...(eik !== undefined ? { eik } : {}), vat, pic };
}

export async function askPartner(ask: Asker, f: PartnerFlags,
  ctx: { region?: string; defaultNuts3?: string; takenIds: string[]; languages: readonly Language[] }): Promise<NewPartner> {
  const { nameBg, nameEn } = await askNames(ask, "Partner's name", f, ctx.languages);
  const id = await ask.text("--id", "Id (kebab-case, used in budget and work plan)", f.id, suggestId(nameEn || nameBg) || undefined,
    (v) => idProblem(v) ?? (ctx.takenIds.includes(v) ? `partner "${v}" already exists` : undefined));
  const legalForm = await ask.select("--legal-form", "Legal form", f.legalForm, legalFormChoices(), undefined) as LegalFormId;
  const legalFormName = await askLegalFormName(ask, legalForm, f.legalFormName);
  const type = await ask.select("--type", "Type of organisation", f.type, plain(PARTNER_TYPES), undefined) as PartnerType;
  const roles = await ask.checkbox("--roles", "Roles", f.roles, plain(PARTNER_ROLES), ["founder"]) as PartnerRole[];
  const nuts3 = await askNuts3(ask, "--nuts3", "Seat's region", f.nuts3, ctx.region, ctx.defaultNuts3);
  const city = await ask.text("--city", "Seat's city", f.city, cityDefault(nuts3));
  const country = nuts3 ? nutsCountry(nuts3) : ctx.region ? nutsCountry(ctx.region) : "BG";
  const ids = await askIdentifiers(ask, f, country, nameEn || nameBg || id);
  const partner: NewPartner = { id, nameBg, nameEn, legalForm, ...(legalFormName ? { legalFormName } : {}), type, roles, city, nuts3: nuts3 || null, country, ...ids };
  if (isMunicipalFounder(partner)) partner.councilDecision = await askCouncilDecision(ask, partner, f);
  return partner;
}

export async function askInit(ask: Asker, f: InitFlags, dir: string): Promise<InitAnswers> {
  const calls = callChoices();
  const defCall = calls.find((c) => c.value === "DIGITAL-2021-EDIH-01")?.value ?? calls[0]?.value;
  const call = await ask.select("--call", "Call", f.call, calls, defCall);
  const acronymDefault = basename(resolve(dir)).toUpperCase().replace(/[^A-Z0-9]+/g, "-").replace(/^-|-$/g, "") || undefined;
  const acronym = await ask.text("--acronym", "Hub acronym", f.acronym, acronymDefault);
  // The country follows from --region when only that is given (BG34 is in Bulgaria).
  const countryDefault = f.region && isNuts(f.region, 2) ? nutsCountry(f.region) : "BG";
  const country = await ask.select("--country", "Country", f.country, plain(countryCodes()), countryDefault);
  const regions = nuts2Choices(country);
  // No default region: picking the country's first one would invent where the hub is. Under --yes
  // the region stays empty and validate lists it.
  const region = await ask.select("--region", "Region the hub covers (NUTS 2)", f.region, regions, ask.prompting ? regions[0]?.value : REGION_UNKNOWN);
  // Bulgarian documents for a Bulgarian hub; English only elsewhere (nothing in Bulgarian is asked then).
  const languages = await ask.checkbox("--languages", "Languages of the documents", f.languages, plain(LANGUAGES), country === "BG" ? ["bg", "en"] : ["en"]) as Language[];
  const { nameBg, nameEn } = await askNames(ask, "Hub name", f, languages,
    acronym ? { bg: `Европейски цифров иновационен хъб „${acronym}“`, en: `European Digital Innovation Hub ${acronym}` } : {});
  const technologies = await ask.checkbox("--technologies", "Digital Europe capacities the hub offers", f.technologies,
    plain(DEP_CAPACITIES), [...DEP_CAPACITIES]);
  const durationText = await ask.text("--duration", "Duration in months", f.duration, String(callDuration(call) ?? 36),
    (v) => wholeNumberProblem(v, 1));
  // The listed forms are Bulgaria's; elsewhere the entity's own form is named (legal_form: other).
  const legalForm = await ask.select("--legal-form", "Legal form of the hub's entity", f.legalForm, legalFormChoices(), country === "BG" ? "association" : "other") as LegalFormId;
  const legalFormName = await askLegalFormName(ask, legalForm, f.legalFormName);
  const publicBenefit = await ask.confirm("--public-benefit", "Is it for public benefit (общественополезна дейност)?", f.publicBenefit, true);
  // The seat defaults to the region's first district only on a terminal, where it is shown and confirmed.
  const nuts3 = await askNuts3(ask, "--nuts3", "Seat of the hub's entity", f.nuts3, region || undefined,
    ask.prompting && region ? nuts3Choices(region)[0]?.value : REGION_UNKNOWN);
  const city = await ask.text("--city", "City of the seat", f.city, cityDefault(nuts3) ?? REGION_UNKNOWN);
  const ids = await askIdentifiers(ask, f, nuts3 ? nutsCountry(nuts3) : country, "The hub's entity");
  const answers: InitAnswers = {
    call, nameBg, nameEn, acronym, region, languages, technologies, durationMonths: Number(durationText),
    legalEntity: { legalForm, ...(legalFormName ? { legalFormName } : {}), publicBenefit, city, nuts3: nuts3 || null, country: nuts3 ? nutsCountry(nuts3) : country, ...ids },
    partners: [], services: [],
  };
  const req = await callRequirements(call, answers.legalEntity);
  answers.partners = f.partners === false ? [] : await askInitPartners(ask, answers, req);
  const coordinator = await askCoordinator(ask, f.coordinator, answers.partners, req, call);
  if (coordinator !== undefined && !answers.partners.some((p) => p.id === coordinator)) answers.pendingCoordinator = coordinator;
  answers.services = await askServices(ask, f.service, answers);
  return answers;
}

/**
 * The partners loop of `init`. While the call's founder minimum is not met, "Add another partner?"
 * defaults to yes and says how many founders are still needed: the consultant can still stop (the
 * founders may not be known yet), and is then told once more before the end.
 */
async function askInitPartners(ask: Asker, a: InitAnswers, req: CallRequirements): Promise<InitPartner[]> {
  const partners: InitPartner[] = [];
  if (!ask.prompting) return partners;
  const need = req.founders;
  const kind = need?.legalPersonsOnly ? " that are legal persons" : "";
  const short = async () => (need ? need.min - await countFounders(partners, need.legalPersonsOnly) : 0);
  let more = await ask.confirm("--no-partners",
    need ? `Add a partner now? (the association needs at least ${need.min} founders${kind})` : "Add a partner now?", undefined, true);
  while (more) {
    const p: InitPartner = await askPartner(ask, {}, { region: a.region || undefined, defaultNuts3: a.legalEntity.nuts3 ?? undefined, takenIds: partners.map((x) => x.id), languages: a.languages });
    partners.push(p);
    const missing = await short();
    more = await ask.confirm("--no-partners",
      missing > 0 ? `Add another partner? (the association needs ${need!.min} founders${kind}; ${need!.min - missing} so far)` : "Add another partner?",
      undefined, missing > 0);
  }
  const missing = await short();
  if (missing > 0) {
    ask.say(`Note: ${need!.min - missing} founder(s)${kind} so far; ${a.call} needs at least ${need!.min} for the association ` +
      "(founders-minimum). Add them later with `edih partners add --roles founder`.");
  }
  return partners;
}

/** The municipal council's decision to co-found (ЗМСМА чл. 21); what is not known yet stays null. */
async function askCouncilDecision(ask: Asker, p: NewPartner, f: PartnerFlags): Promise<CouncilDecisionAnswer> {
  const dateProblem = (v: string) => (IsoDate.safeParse(v).success ? undefined : "a date as YYYY-MM-DD, e.g. 2021-01-28");
  if (f.councilDate !== undefined && dateProblem(f.councilDate)) throw new UsageError(`--council-date: ${dateProblem(f.councilDate)}`);
  if (f.councilNumber !== undefined || f.councilDate !== undefined) {
    return { number: f.councilNumber || null, date: f.councilDate || null };
  }
  ask.say(`${p.nameBg || p.nameEn} is a municipal founder: its council decides to co-found the association (leave empty what is not known yet).`);
  const number = await ask.optionalText("Council decision — number (Решение №)");
  const date = await ask.optionalText("Council decision — date (YYYY-MM-DD)", dateProblem);
  return { number, date };
}

const NONE = "none";

/** Gives `id` the coordinator role and takes it from every other partner (the proposal has exactly one). */
function setCoordinator(partners: InitPartner[], id: string | undefined): void {
  const order = (r: string) => PARTNER_ROLES.indexOf(r as PartnerRole);
  for (const p of partners) {
    if (p.id === id) {
      if (!p.roles.includes("coordinator")) p.roles = [...p.roles, "coordinator" as const].sort((x, y) => order(x) - order(y));
    } else if (p.roles.includes("coordinator")) {
      p.roles = p.roles.filter((r) => r !== "coordinator");
      // Every partner has a role; one that was to coordinate at least takes part.
      if (p.roles.length === 0) p.roles = ["beneficiary"];
    }
  }
}

/**
 * Which partner coordinates. On a terminal, chosen among the partners just entered ("none yet" only
 * where the call has no coordinator rule). --coordinator may also name a partner a script adds
 * afterwards: the id is returned and the closing message says how to add it with the role.
 */
async function askCoordinator(ask: Asker, given: string | undefined, partners: InitPartner[], req: CallRequirements, call: string): Promise<string | undefined> {
  if (given !== undefined) {
    if (given === NONE) {
      if (req.coordinatorRequired) {
        throw new UsageError(`--coordinator none: ${call} needs exactly one coordinator`, "give the id of the partner that submits the proposal");
      }
      setCoordinator(partners, undefined);
      return undefined;
    }
    const problem = idProblem(given);
    if (problem) throw new UsageError(`--coordinator: ${problem}`);
    setCoordinator(partners, given);
    return given;
  }
  if (!ask.prompting || partners.length === 0) return undefined;
  const current = partners.find((p) => p.roles.includes("coordinator"))?.id;
  const choices = partners.map((p) => ({ value: p.id, name: `${p.id} — ${p.nameEn || p.nameBg}` }));
  if (!req.coordinatorRequired) choices.push({ value: NONE, name: `none yet (${call} has no coordinator)` });
  const picked = await ask.select("--coordinator",
    req.coordinatorRequired ? "Coordinator: which partner submits the EU proposal?" : "Coordinator of the later EU proposal, if known",
    undefined, choices, current ?? (req.coordinatorRequired ? partners[0]!.id : NONE));
  const id = picked === NONE ? undefined : picked;
  setCoordinator(partners, id);
  return id;
}

const LANGUAGE_NAMES: Record<Language, string> = { bg: "Bulgarian", en: "English" };

/** A service id from its title, unique among the services written. */
function serviceId(title: string, family: ServiceFamily, taken: Set<string>): string {
  const base = suggestId(title) || family;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Parses --service <family>=<title>@<provider>[,<provider>]. */
export function parseServiceFlag(spec: string): { family: ServiceFamily; title: string; providers: string[] } {
  const form = "--service takes <family>=<title>@<provider>[,<provider>]";
  const eq = spec.indexOf("=");
  const at = spec.lastIndexOf("@");
  if (eq <= 0 || at < eq) throw new UsageError(`${form} (got "${spec}")`, `e.g. --service "test-before-invest=AI test lab@trakia-university"`);
  const family = spec.slice(0, eq).trim();
  if (!(SERVICE_FAMILIES as readonly string[]).includes(family)) {
    throw new UsageError(`--service: unknown family "${family}" in "${spec}"; one of ${SERVICE_FAMILIES.join(", ")}`);
  }
  const title = spec.slice(eq + 1, at).trim();
  if (title === "") throw new UsageError(`--service: no title in "${spec}"`, form);
  const providers = spec.slice(at + 1).split(",").map((s) => s.trim()).filter(Boolean);
  if (providers.length === 0) throw new UsageError(`--service: no provider in "${spec}"`, form);
  for (const p of providers) {
    const problem = idProblem(p);
    if (problem) throw new UsageError(`--service: provider ${problem}`);
  }
  return { family: family as ServiceFamily, title, providers };
}

/**
 * The hub's services: from --service flags, or on a terminal at least one per family, each with a
 * title per document language and its providers among the partners entered. A title left empty
 * leaves the family for later (the closing message lists it): nothing is made up.
 */
async function askServices(ask: Asker, given: string[] | undefined, a: InitAnswers): Promise<NewService[]> {
  const taken = new Set<string>();
  if (given !== undefined && given.length > 0) {
    return given.map((spec) => {
      const s = parseServiceFlag(spec);
      return { id: serviceId(s.title, s.family, taken), ...s };
    });
  }
  if (!ask.prompting || a.partners.length === 0) return [];
  const choices = a.partners.map((p) => ({ value: p.id, name: `${p.id} — ${p.nameEn || p.nameBg}` }));
  ask.say("\nServices: an EDIH offers all four families. Describe at least one service of each; leave the title empty to add it later in edih.yaml.");
  const services: NewService[] = [];
  for (const family of SERVICE_FAMILIES) {
    const fam = FAMILY_NAMES[family]!;
    ask.say(`\n${fam.en} / ${fam.bg}`);
    for (let more = true; more;) {
      const title: Partial<Record<Language, string>> = {};
      for (const lang of a.languages) {
        const t = await ask.optionalText(`${fam.en} — service title in ${LANGUAGE_NAMES[lang]}`);
        if (t !== null) title[lang] = t;
      }
      if (Object.keys(title).length === 0) break;
      const providers = await ask.checkbox("--service", `${fam.en} — provided by`, undefined, choices, []);
      services.push({ id: serviceId(title.en ?? title.bg ?? "", family, taken), family, title, providers });
      more = await ask.confirm("--service", `Another service in ${fam.en}?`, undefined, false);
    }
  }
  return services;
}
