/**
 * The roles an organisation has: founder of the hub (national law) and its role in the EU grant
 * (the Funding & Tenders Portal's participant types, strongest first).
 */
export const PARTNER_ROLES = ["founder", "coordinator", "beneficiary", "affiliated-entity", "associated-partner"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const EU_PARTICIPANT_ROLES = ["coordinator", "beneficiary", "affiliated-entity", "associated-partner"] as const;
export type EuRole = (typeof EU_PARTICIPANT_ROLES)[number];

/** Participants that declare costs: associated partners take part without funding. */
export const FUNDED_ROLES = ["coordinator", "beneficiary", "affiliated-entity"] as const;

/** The role shown for a partner in the EU grant, the strongest if several are given. */
export function euRole(roles: readonly string[]): EuRole | null {
  return EU_PARTICIPANT_ROLES.find((r) => roles.includes(r)) ?? null;
}

export function isFunded(roles: readonly string[]): boolean {
  return FUNDED_ROLES.some((r) => roles.includes(r));
}
