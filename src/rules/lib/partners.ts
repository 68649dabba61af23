import type { Application } from "../../schema/application.js";
import type { Partner } from "../../schema/partner.js";

/** Roles that make a partner a participant of the EU proposal (listed in Part A). */
export const EU_PARTICIPANT_ROLES = ["coordinator", "beneficiary", "affiliated-entity", "associated-partner"] as const;
/** Roles that receive money, so need a budget line. */
export const FUNDED_ROLES = ["coordinator", "beneficiary", "affiliated-entity"] as const;

export const hasRole = (p: Partner, roles: readonly string[]): boolean => p.roles.some((r) => roles.includes(r));

export const isMunicipality = (p: Partner): boolean => p.legal_form === "municipality";

export function partnerIds(app: Application): Set<string> {
  return new Set(app.partners.map((p) => p.id));
}

/** Partners paired with their index, for JSON paths. */
export function indexed(app: Application): Array<{ p: Partner; i: number }> {
  return app.partners.map((p, i) => ({ p, i }));
}
