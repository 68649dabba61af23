import type { JsonPath } from "../../diagnostics.js";
import type { Application } from "../../schema/application.js";
import type { Place } from "../../schema/common.js";
import type { Partner } from "../../schema/partner.js";
import { nutsCountry, placeCountry } from "../../refdata/countries.js";


export const hasRole = (p: Partner, roles: readonly string[]): boolean => p.roles.some((r) => roles.includes(r));

export const isMunicipality = (p: Partner): boolean => p.legal_form === "municipality";

/** The country of the hub's region: the country of a place that gives neither `country:` nor a NUTS code. */
export const homeCountry = (app: Application): string => nutsCountry(app.hub.region);

/** A place's ISO country: `country:`, else its NUTS 3 code's, else the hub region's. */
export const countryOf = (place: Place, app: Application): string => placeCountry(place, homeCountry(app));

export interface IdentifierHolder {
  ids: { eik?: string | null | undefined; pic?: string | null | undefined; vat?: string | null | undefined };
  /** The ISO country of the organisation's seat. */
  country: string;
  path: JsonPath;
  who: string;
}

/** Every organisation that carries identifiers (ЕИК, VAT, PIC): the hub's legal entity, then each partner. */
export function identifierHolders(app: Application): IdentifierHolder[] {
  return [
    { ids: app.hub.legal_entity, country: countryOf(app.hub.legal_entity.seat, app), path: ["hub", "legal_entity"], who: "The hub's legal entity" },
    ...app.partners.map((p, i) => ({ ids: p, country: countryOf(p.seat, app), path: ["partners", i], who: `Partner "${p.id}"` })),
  ];
}
