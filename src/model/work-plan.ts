import type { Language, WorkPackage } from "../schema/index.js";
import { DELIVERABLE_TYPE_CODES } from "./terms.js";
import { textIn } from "./text.js";
import { own } from "./own.js";

/** Resolves a partner id to its name in the document language (the id itself when unknown). */
export type NameOf = (partnerId: string) => string;

export function monthsText(start: number, end: number): string {
  return start === end ? `M${start}` : `M${start}–M${end}`;
}

export function workPackages(wps: readonly WorkPackage[], nameOf: NameOf) {
  return wps.map((wp) => ({
    id: wp.id,
    title: wp.title,
    lead: wp.lead,
    start_month: wp.start_month,
    end_month: wp.end_month,
    objectives: wp.objectives ?? null,
    description: wp.description ?? null,
    effort: { ...wp.effort },
    deliverables: wp.deliverables.map((d) => deliverable(d, wp, nameOf)),
    milestones: wp.milestones.map((m) => milestone(m, wp, nameOf)),
    lead_name: nameOf(wp.lead),
    effort_total: sum(Object.values(wp.effort)),
    months_text: monthsText(wp.start_month, wp.end_month),
  }));
}

type Deliverable = WorkPackage["deliverables"][number];
type Milestone = WorkPackage["milestones"][number];

function deliverable(d: Deliverable, wp: WorkPackage, nameOf: NameOf) {
  const lead = d.lead ?? wp.lead;
  return {
    id: d.id,
    title: d.title,
    month: d.month,
    type: d.type,
    type_code: DELIVERABLE_TYPE_CODES[d.type] ?? d.type,
    dissemination: d.dissemination,
    lead,
    wp: wp.id,
    lead_name: nameOf(lead),
  };
}

function milestone(m: Milestone, wp: WorkPackage, nameOf: NameOf) {
  return {
    id: m.id,
    title: m.title,
    month: m.month,
    verification: m.verification ?? null,
    wp: wp.id,
    lead_name: nameOf(wp.lead),
  };
}

export function sum(xs: readonly number[]): number {
  // Person-months are quarter or half values at most; rounding hides float noise like 0.30000000000000004.
  return Math.round(xs.reduce((a, b) => a + b, 0) * 1000) / 1000;
}

/**
 * Person-months of each partner per WP. Rows follow the partner list; an effort entry naming an
 * unknown partner still gets a row (under its id) so the matrix always adds up to the WP totals.
 */
export function effortMatrix(wps: readonly WorkPackage[], partnerIds: readonly string[], nameOf: NameOf) {
  const ids = [...partnerIds];
  for (const wp of wps) for (const id of Object.keys(wp.effort)) if (!ids.includes(id)) ids.push(id);
  const rows = ids
    .filter((id) => wps.some((wp) => (own(wp.effort, id) ?? 0) > 0))
    .map((id) => {
      const cells = wps.map((wp) => own(wp.effort, id) ?? 0);
      return { id, name: nameOf(id), cells, total: sum(cells) };
    });
  const totals = wps.map((wp) => sum(Object.values(wp.effort)));
  return { wps: wps.map((wp) => wp.id), rows, totals, total: sum(totals) };
}

/** Quarters Q1..Qn over the project; a WP's cell is on when it runs in any month of the quarter. */
export function ganttChart(wps: readonly WorkPackage[], durationMonths: number, lang: Language) {
  const lastMonth = Math.max(durationMonths, ...wps.map((wp) => wp.end_month));
  const quarters = Math.max(1, Math.ceil(lastMonth / 3));
  // "Q" in both languages: the contract (TEMPLATES.md) fixes the column labels.
  const columns = Array.from({ length: quarters }, (_, i) => `Q${i + 1}`);
  const rows = wps.map((wp) => ({
    id: wp.id,
    title: textIn(wp.title, lang) ?? wp.id,
    cells: columns.map((_, q) => wp.start_month <= 3 * q + 3 && wp.end_month >= 3 * q + 1),
  }));
  return { columns, rows };
}

