import type { Partner } from "../../schema/partner.js";

/** Roles that make a partner a participant of the EU proposal (listed in Part A). */
export const EU_PARTICIPANT_ROLES = ["coordinator", "beneficiary", "affiliated-entity", "associated-partner"] as const;
/** Roles that receive money, so need a budget line. */
export const FUNDED_ROLES = ["coordinator", "beneficiary", "affiliated-entity"] as const;

export const hasRole = (p: Partner, roles: readonly string[]): boolean => p.roles.some((r) => roles.includes(r));

export const isMunicipality = (p: Partner): boolean => p.legal_form === "municipality";
