// Country codes as the data uses them: ISO 3166-1 alpha-2 in `country:`, Eurostat's prefixes in
// NUTS codes and VAT numbers. The two differ for Greece only among the EU members (EL).

/** Where Eurostat's NUTS prefix (and the VAT prefix) differs from the ISO code. */
const EUROSTAT_TO_ISO: Readonly<Record<string, string>> = { EL: "GR" };
const ISO_TO_VAT_PREFIX: Readonly<Record<string, string>> = { GR: "EL" };

/** The ISO country of a NUTS code (any level), e.g. ITC4C → IT, EL301 → GR. */
export function nutsCountry(code: string): string {
  const prefix = code.slice(0, 2).toUpperCase();
  return EUROSTAT_TO_ISO[prefix] ?? prefix;
}

/** A country code as written in `country:` (ISO, or EL for Greece), in ISO form. */
export function isoCountry(code: string): string {
  return EUROSTAT_TO_ISO[code] ?? code;
}

/** The prefix an EU VAT number of this ISO country starts with (GR → EL). */
export function vatPrefix(isoCode: string): string {
  return ISO_TO_VAT_PREFIX[isoCode] ?? isoCode;
}

/** The ISO country a VAT prefix stands for (EL → GR). */
export function vatPrefixCountry(prefix: string): string {
  return EUROSTAT_TO_ISO[prefix] ?? prefix;
}

/** The place fields that say where it is. */
export interface Located { country?: string | undefined; nuts3?: string | null | undefined }

/**
 * The ISO country of a place: its `country:`, else its NUTS 3 code's country, else `fallback`
 * (the country of the hub's region). A contradiction between the two is nuts3-valid's finding.
 */
export function placeCountry(place: Located, fallback: string): string {
  if (place.country) return isoCountry(place.country);
  if (place.nuts3) return nutsCountry(place.nuts3);
  return fallback;
}
