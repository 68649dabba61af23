import type { Application, Language, Multilingual, Partner } from "../schema/index.js";
import { lineFigures, sumFigures, type BudgetFigures, type BudgetRates } from "../domain/budget.js";
import { callContext, type CallContext, type CallFacts } from "./call.js";
import { normHub, normPartner } from "./normalize.js";
import { isStatutoryPosition, normBasis } from "../schema/founding.js";
import { bundledRefData, type RefData } from "./refdata.js";
import { FAMILY_NAMES, PARTNER_TYPE_NAMES, ROLE_NAMES, nameOf } from "./terms.js";
import { districtAfter, listText, placeIn, textIn } from "./text.js";
import { effortMatrix, ganttChart, sum, workPackages } from "./work-plan.js";
import { SERVICE_FAMILIES } from "../schema/vocabulary.js";
import { nutsCountry } from "../refdata/countries.js";
import { loadLegalActs, type LegalActs } from "../refdata/legal-acts.js";
import { specificObjectives } from "./legal-acts.js";
import { approvalDecision, commitmentDecision, consentDecision, councilDecisions, type CouncilDecisionN } from "../schema/council-decisions.js";
import { own } from "./own.js";
import { euRole, isFunded } from "../domain/roles.js";

export type { CallFacts } from "./call.js";
export { NO_REFDATA, bundledRefData, type RefData } from "./refdata.js";
export { documentInputs } from "./inputs.js";

export interface BuildOptions {
  callPack: CallFacts;
  lang: Language;
  /** The partner a per-partner document (declaration, letter, council decision) is for. */
  partnerId?: string;
  /** Set by `--draft`: the number of errors the data still has. */
  draft?: { errors: number } | null;
  /** Reference data lookups; defaults to the bundled data/ tables. */
  refdata?: RefData;
  /** Legal acts (data/legal-acts.yaml); defaults to the bundled table. */
  acts?: LegalActs;
}

export type DocumentContext = ReturnType<typeof buildContext>;
export type PartnerContext = DocumentContext["partners"][number];

/**
 * The context every template sees (docs/TEMPLATES.md, "The context a template sees"): the
 * application as written, every optional field present (null when unknown, for strict mode),
 * plus derived names, totals and tables in the document's language. Pure and deterministic.
 */
export function buildContext(application: Application, opts: BuildOptions) {
  const { lang } = opts;
  const ref = opts.refdata ?? defaultRefData();
  const call = callContext(opts.callPack, lang);
  const hub = normHub(application.hub);
  const partnerName = (id: string): string => {
    const p = application.partners.find((x) => x.id === id);
    return p ? (textIn(p.name, lang) ?? id) : id;
  };
  const regionName = (code: string | null): string | null => (code ? ref.nutsName(code, lang) : null);

  const rates: BudgetRates = { eu_funding: call.rates.eu_funding ?? 0, indirect: call.rates.indirect ?? 0 };
  const lines = application.budget.lines.map((line) => ({
    partner: line.partner,
    name: partnerName(line.partner),
    ...lineFigures(line, rates),
    note: line.note ?? null,
  }));
  const totals = sumFigures(lines);
  const share = (x: number) => (totals.eligible === 0 ? 0 : x / totals.eligible);
  const budget = {
    currency: application.budget.currency,
    illustrative: application.budget.illustrative ?? false,
    rates,
    lines,
    totals,
    /** The actual shares of the eligible costs after rounding, for "share" columns. */
    shares: { eu: share(totals.eu), national: share(totals.national) },
  };

  const wps = workPackages(application.work_packages, partnerName);
  const services = application.services.map((s) => ({
    id: s.id,
    family: s.family,
    title: s.title,
    description: s.description ?? null,
    providers: [...s.providers],
    technologies: [...s.technologies],
    target_groups: s.target_groups ? [...s.target_groups] : null,
    family_name: nameOf(s.family, lang, FAMILY_NAMES),
    technology_names: s.technologies.map((t) => nameOf(t, lang)),
    provider_names: s.providers.map(partnerName),
  }));

  // Numbered as in the EU portal: the coordinator first, then the other participants of the grant,
  // then partners without an EU role (founders only); each group keeps the written order.
  const rank = (p: Partner) => (p.roles.includes("coordinator") ? 0 : euRole(p.roles) !== null ? 1 : 2);
  const ordered = [0, 1, 2].flatMap((r) => application.partners.filter((p) => rank(p) === r));
  const foundingDate = hub.legal_entity.founding_meeting?.date ?? hub.legal_entity.founded_on ?? null;
  const partners = ordered.map((p, i) => {
    const line = lines.find((l) => l.partner === p.id) ?? null;
    const decisions = councilDecisions(p, application.partners.indexOf(p)).map(decisionContext);
    const approval = approvalDecision(decisions);
    const consent = consentDecision(decisions);
    return {
      ...normPartner(p, nutsCountry(application.hub.region)),
      n: i + 1,
      name_text: textIn(p.name, lang) ?? p.id,
      legal_form_name: legalFormName(p, lang, ref),
      seat_region_name: regionName(p.seat.nuts3 ?? null),
      /** The city in the document's language (transliterated for English when only Bulgarian is given). */
      seat_city_text: placeIn(p.seat.city, lang),
      /** The NUTS 3 district to print after the city, null when it only repeats the city's name. */
      seat_district_name: districtAfter(placeIn(p.seat.city, lang), regionName(p.seat.nuts3 ?? null)),
      is_municipality: p.legal_form === "municipality",
      is_coordinator: p.roles.includes("coordinator"),
      is_founder: p.roles.includes("founder"),
      /** Every council decision, in the order written (docs/FORMAT.md). */
      council_decisions: decisions,
      /** The approval of the agreement and statute, which the agreement and the council decision document present. */
      approval_decision: approval,
      /** The consent in principle that came before, cited as the earlier decision. */
      consent_decision: consent,
      /** The decision documents refer to (kept for templates written before the list): the approval. */
      council_decision: approval,
      /** The financial commitment the latest decision that speaks of money states (0 = none), null when none does. */
      financial_commitment: commitmentDecision(decisions)?.financial_commitment ?? null,
      /**
       * The date the council decision document's legal acts are cited as of: the approval's, else
       * the founding meeting's, the latest an approval can bear (it precedes the founding; rule
       * council-decision-before-founding), as for the agreement.
       */
      council_decision_date: approval?.date ?? foundingDate,
      /** The basis on which the representative acts: as written, else derived from the legal form (a mayor by law), else null. */
      representation: representationOf(p, ref),
      roles_text: p.roles.map((r) => nameOf(r, lang, ROLE_NAMES)).join(", "),
      eu_role_text: euRole(p.roles) === null ? null : nameOf(euRole(p.roles)!, lang, ROLE_NAMES),
      /** The role Part A lists for every organisation, including a founder with no role in the EU grant. */
      grant_role_text: euRole(p.roles) !== null ? nameOf(euRole(p.roles)!, lang, ROLE_NAMES)
        : p.roles.includes("founder") ? (lang === "bg" ? "учредител на сдружението, без роля в проекта по ЕС" : "founder of the association, no role in the EU grant") : nameOf(p.roles[0] ?? "", lang, ROLE_NAMES),
      type_text: nameOf(p.type, lang, PARTNER_TYPE_NAMES),
      effort_total: sum(application.work_packages.map((wp) => own(wp.effort, p.id) ?? 0)),
      budget: line as (BudgetFigures & { partner: string; name: string; note: string | null }) | null,
      services: application.services.filter((s) => s.providers.includes(p.id)).map((s) => textIn(s.title, lang) ?? s.id),
    };
  });

  const seat = hub.legal_entity.seat;
  const entity = {
    ...hub.legal_entity,
    management_board: hub.legal_entity.management_board?.map((m) => ({ ...m, partner_name: m.partner === null ? null : partnerName(m.partner) })) ?? null,
    legal_form_name: legalFormName(hub.legal_entity, lang, ref),
    seat_city: placeIn(seat.city, lang) ?? "",
    seat_region_name: regionName(seat.nuts3),
    seat_district_name: districtAfter(placeIn(seat.city, lang), regionName(seat.nuts3)),
  };

  const tagNames = (tags: readonly string[]) => tags.map((t) => nameOf(t, lang));
  const partner = opts.partnerId === undefined ? null : (partners.find((p) => p.id === opts.partnerId) ?? null);
  if (opts.partnerId !== undefined && partner === null) {
    throw new Error(`buildContext: no partner with id "${opts.partnerId}"`);
  }

  const acts = opts.acts ?? loadLegalActs();
  const objectives = specificObjectives(acts, lang);
  const procedure = acts.get("bg-edih-selection-procedure");

  return {
    lang,
    call,
    /** Programme facts from data/legal-acts.yaml, never from template prose. */
    programme: {
      objectives,
      objectives_count: objectives.length,
      objectives_text: listText(objectives, lang),
      edih_article: acts.get("dep-regulation")?.edih_article ?? null,
    },
    selection: { submitted_to: procedure?.submitted_to?.[lang] ?? null },
    /**
     * The cooperation agreement's date for citing acts: the parties sign it before they found the
     * association, so the founding meeting's date is the latest it can bear; null when not known.
     */
    agreement_date: foundingDate,
    hub,
    region: {
      code: hub.region,
      name: regionName(hub.region) ?? hub.region,
      nuts3: ref.nuts3Of(hub.region).map((code) => ({ code, name: regionName(code) ?? code })),
    },
    entity,
    topics: {
      technologies: tagNames(hub.technologies),
      sectors: tagNames(hub.sectors),
      target_groups: tagNames(hub.target_groups),
      technologies_text: listText(tagNames(hub.technologies), lang),
      sectors_text: listText(tagNames(hub.sectors), lang),
      target_groups_text: listText(tagNames(hub.target_groups), lang),
    },
    proposal: proposalTexts(hub, call.limits, lang),
    partners,
    founders: partners.filter((p) => p.is_founder),
    municipalities: partners.filter((p) => p.is_municipality),
    beneficiaries: partners.filter((p) => isFunded(p.roles)),
    participants: partners.filter((p) => p.eu_role_text !== null),
    coordinator: partners.find((p) => p.is_coordinator) ?? null,
    partner,
    services,
    service_families: SERVICE_FAMILIES.map((id) => ({
      id,
      name: nameOf(id, lang, FAMILY_NAMES),
      services: services.filter((s) => s.family === id),
    })),
    work_packages: wps,
    deliverables: wps.flatMap((wp) => wp.deliverables),
    milestones: wps.flatMap((wp) => wp.milestones),
    effort: effortMatrix(application.work_packages, ordered.map((p) => p.id), partnerName),
    gantt: ganttChart(application.work_packages, hub.duration_months, lang),
    budget,
    kpis: application.kpis.map((k) => ({
      id: k.id,
      title: k.title ?? null,
      target: k.target,
      unit: k.unit ?? null,
      breakdown: [...k.breakdown],
      title_text: textIn(k.title, lang) ?? nameOf(k.id, lang),
      unit_text: textIn(k.unit, lang) ?? "",
      breakdown_text: listText(tagNames(k.breakdown), lang),
    })),
    draft: opts.draft ?? null,
  };
}

/**
 * Part A's free-text fields in the document's language with their length in characters (code
 * points, as the portal counts them [I]) and whether they exceed the call's limit.
 */
function proposalTexts(hub: ReturnType<typeof normHub>, limits: CallContext["limits"], lang: Language) {
  const field = (value: string | null, limit: number | null) => {
    const chars = value === null ? 0 : [...value].length;
    return { text: value, chars, limit, over: limit !== null && chars > limit };
  };
  return {
    acronym: hub.project_acronym,
    title: field(textIn(hub.project_title, lang) ?? textIn(hub.name, lang), limits.title_chars),
    abstract: field(textIn(hub.summary, lang), limits.abstract_chars),
    keywords: field(textIn(hub.keywords, lang), limits.keywords_chars),
  };
}

/** A decision as templates see it: its fields and kind, without where it was written. */
function decisionContext({ path: _path, ...d }: CouncilDecisionN) {
  return d;
}

function representationOf(p: Partner, ref: RefData) {
  const own = normBasis(p.representative?.basis);
  if (own) return { ...own, derived: false, article: null as string | null };
  // Derived only when the representative is the one the law names (a mayor for a municipality):
  // anyone else may act on a power of attorney, which only the consortium knows.
  const statutory = ref.statutoryRepresentative(p.legal_form);
  if (!statutory || !isStatutoryPosition(p.representative?.position, statutory.positions)) return null;
  return { kind: "law" as const, number: null, date: null, text: null, derived: true, article: statutory.article };
}


function legalFormName(p: { legal_form: string; legal_form_name?: Multilingual | null | undefined }, lang: Language, ref: RefData): string {
  if (p.legal_form === "other" && p.legal_form_name) return textIn(p.legal_form_name, lang) ?? "";
  return ref.legalFormName(p.legal_form, lang) ?? p.legal_form;
}

let cachedRefData: RefData | undefined;
function defaultRefData(): RefData {
  return (cachedRefData ??= bundledRefData());
}
