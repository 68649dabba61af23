import type { Application, Partner } from "../schema/index.js";
import { own } from "./own.js";

/**
 * The slice of the application a document is built from, for incremental rebuilds: when the
 * slice (with the template, call pack and tool version) hashes the same, the document need not be
 * rebuilt. Each slice follows what templates/<document>/*.md.hbs read through the context of
 * model/index.ts, and errs on the side of too much: names of other partners appear in tables, so
 * a document that lists partners depends on all of them. A document not listed here gets the
 * whole application.
 */
export interface InputSlice {
  call: string;
  languages: Application["languages"];
  hub: Application["hub"];
  currency?: Application["budget"]["currency"];
  partners?: (Partial<Partner> & { id: string })[];
  services?: unknown[];
  work_packages?: Application["work_packages"];
  /** A partner's person-months per work package, in work-plan order. */
  effort?: number[];
  budget?: { illustrative?: boolean; lines: Application["budget"]["lines"]; currency?: string };
  [key: string]: unknown;
}

/** Documents that name the parties and their services but print no work plan or budget. */
const FOUNDING = new Set(["cooperation-agreement", "statute", "founding-protocol", "council-decision"]);

export function documentInputs(application: Application, documentId: string, partnerId?: string): InputSlice {
  // Every document formats money in the budget's currency (council decisions print a municipality's commitment).
  const base = { call: application.call, languages: application.languages, hub: application.hub, currency: application.budget.currency };
  const partner = partnerId === undefined ? undefined : application.partners.find((p) => p.id === partnerId);
  // Per-partner documents name the coordinator they are addressed to, nothing else of it.
  const coordinator = application.partners.filter((p) => p.roles.includes("coordinator")).map((p) => ({ id: p.id, name: p.name, roles: p.roles }));

  const parties = partner ? [partner, ...coordinator.filter((c) => c.id !== partner.id)] : [];
  if (documentId === "declaration" && partner) return { ...base, partners: parties };
  if (documentId === "commitment-letter" && partner) {
    // The letter prints the partner's services, its person-months (work plan) and its budget line.
    return {
      ...base, partners: parties,
      services: application.services.filter((s) => s.providers.includes(partner.id)).map((s) => ({ id: s.id, title: s.title })),
      effort: application.work_packages.map((wp) => own(wp.effort, partner.id) ?? 0),
      budget: { illustrative: application.budget.illustrative ?? false, lines: application.budget.lines.filter((l) => l.partner === partner.id) },
    };
  }
  if (FOUNDING.has(documentId)) return { ...base, partners: application.partners, services: application.services };
  if (documentId === "budget-table") {
    return { ...base, partners: application.partners.map((p) => ({ id: p.id, name: p.name })), budget: application.budget };
  }
  if (documentId === "part-a") return { ...base, partners: application.partners, budget: application.budget };
  // Part B and any document we do not know: everything.
  return { ...application };
}
