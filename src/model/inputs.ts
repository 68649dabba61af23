import type { Application } from "../schema/index.js";

/**
 * The slice of the application a document is built from, for incremental rebuilds: when the
 * slice (with the template and tool version) hashes the same, the document need not be rebuilt.
 * The slice is over-inclusive rather than under: names of other partners appear in tables, so a
 * document that lists partners depends on all of them.
 */
export type InputSlice = Partial<Application> & { call: string; languages: Application["languages"] };

/** Per-partner documents read the hub, their own partner and the coordinator they address. */
const PER_PARTNER = new Set(["declaration", "commitment-letter"]);

/** Documents that name parties and services but no work plan or budget. */
const FOUNDING = new Set(["cooperation-agreement", "statute", "founding-protocol", "council-decision"]);

export function documentInputs(application: Application, documentId: string, partnerId?: string): InputSlice {
  const base = { call: application.call, languages: application.languages, hub: application.hub };
  if (PER_PARTNER.has(documentId) && partnerId !== undefined) {
    const partner = application.partners.filter((p) => p.id === partnerId || p.roles.includes("coordinator"));
    const services = application.services.filter((s) => s.providers.includes(partnerId));
    return documentId === "commitment-letter" ? { ...base, partners: partner, services } : { ...base, partners: partner };
  }
  if (FOUNDING.has(documentId)) return { ...base, partners: application.partners, services: application.services };
  if (documentId === "part-a" || documentId === "budget-table") {
    return { ...base, partners: application.partners, budget: application.budget };
  }
  // Part B and any document we do not know: everything.
  return { ...application };
}
