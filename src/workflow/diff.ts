// A data-level comparison of two applications: what a consultant tells the partners after a
// round of edits. Pure: takes parsed applications (and budget rates), returns a report value.
import type { Application } from "../schema/application.js";
import { COST_CATEGORIES } from "../schema/budget.js";
import { type BudgetFigures, type BudgetRates, computeBudget, roundCents } from "../domain/budget.js";

export interface FieldChange { path: string; old: unknown; new: unknown }
export interface Named { id: string; name: string }
export interface ChangedEntity extends Named { changes: FieldChange[] }
export interface EntityChanges { added: Named[]; removed: Named[]; changed: ChangedEntity[] }

const FIGURES = [...COST_CATEGORIES, "direct", "indirect", "eligible", "eu"] as const;
export type Figure = (typeof FIGURES)[number];
export interface AmountChange { figure: Figure; old: number; new: number; delta: number }
export interface PartnerBudgetChange { partner: string; /** The partner's name (English, else Bulgarian), for readers who do not know the ids. */ name: string; changes: AmountChange[] }

export interface BudgetDiff {
  currency: string;
  /** Rates of each side's call pack; undefined when the pack is unknown (then only direct costs compare). */
  rates: { old?: BudgetRates; new?: BudgetRates };
  partners: PartnerBudgetChange[];
  total: AmountChange[];
  /** EU contribution of the new budget and its share of the eligible costs. */
  eu: { old: number; new: number; shareOfEligible: number | null };
}

export interface DiffReport {
  old: string;
  new: string;
  identical: boolean;
  application: FieldChange[];
  hub: FieldChange[];
  partners: EntityChanges;
  budget: BudgetDiff;
  workPackages: EntityChanges;
  deliverables: EntityChanges;
  milestones: EntityChanges;
  services: EntityChanges;
  kpis: EntityChanges;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field changes under dotted paths; lists of scalars compare as a whole value. */
export function fieldChanges(a: unknown, b: unknown, prefix = "", skip: readonly string[] = []): FieldChange[] {
  if (same(a, b)) return [];
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
    return keys.flatMap((k) => fieldChanges(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.some(isObj)) {
    return a.flatMap((x, i) => fieldChanges(x, b[i], `${prefix}.${i}`));
  }
  return [{ path: prefix, old: a ?? null, new: b ?? null }];
}

function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (isObj(v)) return String(v.en ?? v.bg ?? "");
  return "";
}

function keyed<T extends { id: string }>(olds: readonly T[], news: readonly T[], name: (x: T) => string,
  compare: (a: T, b: T) => FieldChange[] = (a, b) => fieldChanges(a, b)): EntityChanges {
  const oldById = new Map(olds.map((x) => [x.id, x]));
  const newById = new Map(news.map((x) => [x.id, x]));
  const changed: ChangedEntity[] = [];
  for (const n of news) {
    const o = oldById.get(n.id);
    if (!o) continue;
    const changes = compare(o, n);
    if (changes.length > 0) changed.push({ id: n.id, name: name(n), changes });
  }
  return {
    added: news.filter((n) => !oldById.has(n.id)).map((n) => ({ id: n.id, name: name(n) })),
    removed: olds.filter((o) => !newById.has(o.id)).map((o) => ({ id: o.id, name: name(o) })),
    changed,
  };
}

function amountChanges(o: Partial<BudgetFigures>, n: Partial<BudgetFigures>, figures: readonly Figure[]): AmountChange[] {
  return figures.flatMap((f) => {
    const a = o[f] ?? 0, b = n[f] ?? 0;
    return a === b ? [] : [{ figure: f, old: a, new: b, delta: roundCents(b - a) }];
  });
}

const NO_RATES: BudgetRates = { eu_funding: 0, indirect: 0 };

function budgetDiff(a: Application, b: Application, rates: { old?: BudgetRates; new?: BudgetRates }): BudgetDiff {
  // Without a call pack only the cost categories and direct costs are meaningful.
  const figures: readonly Figure[] = rates.old && rates.new ? FIGURES : [...COST_CATEGORIES, "direct"];
  const sa = computeBudget(a.budget, rates.old ?? NO_RATES);
  const sb = computeBudget(b.budget, rates.new ?? NO_RATES);
  const perPartner = (s: typeof sa) => {
    const m = new Map<string, Partial<BudgetFigures>>();
    for (const l of s.lines) {
      const acc = m.get(l.partner) ?? {};
      for (const f of FIGURES) acc[f] = roundCents((acc[f] ?? 0) + l[f]);
      m.set(l.partner, acc);
    }
    return m;
  };
  const pa = perPartner(sa), pb = perPartner(sb);
  const ids = [...new Set([...pa.keys(), ...pb.keys()])];
  const nameOf = (id: string) => textOf((b.partners.find((p) => p.id === id) ?? a.partners.find((p) => p.id === id))?.name);
  const partners = ids.map((id) => ({ partner: id, name: nameOf(id), changes: amountChanges(pa.get(id) ?? {}, pb.get(id) ?? {}, figures) }))
    .filter((p) => p.changes.length > 0);
  return {
    currency: b.budget.currency,
    rates,
    partners,
    total: amountChanges(sa.totals, sb.totals, figures),
    eu: { old: sa.totals.eu, new: sb.totals.eu, shareOfEligible: rates.new && sb.totals.eligible > 0 ? sb.totals.eu / sb.totals.eligible : null },
  };
}

interface Placed { id: string; wp: string; [k: string]: unknown }
const placed = (app: Application, key: "deliverables" | "milestones"): Placed[] =>
  app.work_packages.flatMap((wp) => (wp[key] as unknown as Obj[]).map((d) => ({ ...d, wp: wp.id }) as Placed));

export function diffApplications(a: Application, b: Application, opts: { old: string; new: string; rates: { old?: BudgetRates; new?: BudgetRates } }): DiffReport {
  const partnerName = (p: { name: unknown }) => textOf(p.name);
  const report: DiffReport = {
    old: opts.old,
    new: opts.new,
    identical: false,
    application: fieldChanges(a, b, "", ["hub", "partners", "budget", "work_packages", "services", "kpis", "$schema"]),
    hub: fieldChanges(a.hub, b.hub, "hub"),
    partners: keyed(a.partners, b.partners, partnerName),
    budget: budgetDiff(a, b, opts.rates),
    workPackages: keyed(a.work_packages, b.work_packages, (w) => textOf(w.title),
      (x, y) => fieldChanges(x, y, "", ["deliverables", "milestones"])),
    deliverables: keyed(placed(a, "deliverables"), placed(b, "deliverables"), (d) => textOf(d.title)),
    milestones: keyed(placed(a, "milestones"), placed(b, "milestones"), (d) => textOf(d.title)),
    services: keyed(a.services, b.services, (s) => textOf(s.title)),
    kpis: keyed(a.kpis, b.kpis, (k) => textOf(k.title) || k.id),
  };
  const empty = (e: EntityChanges) => !e.added.length && !e.removed.length && !e.changed.length;
  report.identical = !report.application.length && !report.hub.length && empty(report.partners) &&
    !report.budget.partners.length && !report.budget.total.length && empty(report.workPackages) &&
    empty(report.deliverables) && empty(report.milestones) && empty(report.services) && empty(report.kpis);
  return report;
}
