import type { JsonPath } from "../../diagnostics.js";
import type { Application } from "../../schema/application.js";
import type { Place } from "../../schema/common.js";
import type { Partner } from "../../schema/partner.js";

/** Roles that make a partner a participant of the EU proposal (listed in Part A). */
export const EU_PARTICIPANT_ROLES = ["coordinator", "beneficiary", "affiliated-entity", "associated-partner"] as const;
/** Roles that receive money, so need a budget line. */
export const FUNDED_ROLES = ["coordinator", "beneficiary", "affiliated-entity"] as const;

export const hasRole = (p: Partner, roles: readonly string[]): boolean => p.roles.some((r) => roles.includes(r));

export const isMunicipality = (p: Partner): boolean => p.legal_form === "municipality";

/** A place's country; the data format makes Bulgaria the default. */
export const countryOf = (place: Place): string => place.country ?? "BG";

/** Every organisation that carries identifiers (ЕИК, PIC): the hub's legal entity, then each partner. */
export function identifierHolders(app: Application): Array<{ ids: { eik?: string | null; pic?: string | null }; path: JsonPath; who: string }> {
  return [
    { ids: app.hub.legal_entity, path: ["hub", "legal_entity"], who: "The hub's legal entity" },
    ...app.partners.map((p, i) => ({ ids: p, path: ["partners", i], who: `Partner "${p.id}"` })),
  ];
}
