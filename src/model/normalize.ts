import type { Hub, Multilingual, Partner, Person, Place } from "../schema/index.js";
import { normBasis, normVotes } from "../schema/founding.js";
import { nutsCountry, placeCountry } from "../refdata/countries.js";
import { normaliseVat } from "../domain/vat.js";

/*
 * Templates run in Handlebars strict mode, where reading a key that is absent is an error while a
 * key holding null is fine. These functions give every optional field of the input a value, so a
 * template can always write `{{value partner.pic "PIC"}}` whatever the YAML left out.
 */

export interface PersonN {
  name: Multilingual | null;
  position: Multilingual | null;
  email: string | null;
  phone: string | null;
}

export interface PlaceN {
  city: Multilingual;
  nuts3: string | null;
  address: Multilingual | null;
  postcode: string | null;
  country: string;
}

export function normPerson(p: Person | undefined): PersonN {
  return { name: p?.name ?? null, position: p?.position ?? null, email: p?.email ?? null, phone: p?.phone ?? null };
}


/** `home`: the country of the hub's region, for a place that names neither country nor NUTS code. */
export function normPlace(p: Place, home: string): PlaceN {
  return { city: p.city, nuts3: p.nuts3 ?? null, address: p.address ?? null, postcode: p.postcode ?? null, country: placeCountry(p, home) };
}

/** A VAT number as documents print it: without the spaces or dots it may be written with (vat-valid warns). */
const vatOf = (vat: string | null | undefined): string | null => (vat == null ? null : normaliseVat(vat));

export type PartnerN = ReturnType<typeof normPartner>;

export function normPartner(p: Partner, home: string) {
  return {
    id: p.id,
    name: p.name,
    short_name: p.short_name ?? null,
    legal_form: p.legal_form,
    type: p.type,
    roles: [...p.roles],
    national: p.national ?? false,
    eik: p.eik ?? null,
    pic: p.pic ?? null,
    vat: vatOf(p.vat),
    sme: p.sme ?? null,
    seat: normPlace(p.seat, home),
    branches: p.branches.map((b) => normPlace(b, home)),
    representative: { ...normPerson(p.representative), basis: normBasis(p.representative?.basis) },
    contact: normPerson(p.contact),
    expertise: [...p.expertise],
    contribution: p.contribution ?? null,
    website: p.website ?? null,
  };
}

export type HubN = ReturnType<typeof normHub>;

export function normHub(h: Hub) {
  const e = h.legal_entity;
  const m = e.founding_meeting;
  const home = nutsCountry(h.region);
  return {
    acronym: h.acronym,
    project_acronym: h.project_acronym ?? h.acronym,
    name: h.name,
    project_title: h.project_title ?? null,
    region: h.region,
    legal_entity: {
      legal_form: e.legal_form,
      public_benefit: e.public_benefit,
      status: e.status,
      founded_on: e.founded_on ?? null,
      legal_form_name: e.legal_form_name ?? null,
      eik: e.eik ?? null,
      vat: vatOf(e.vat),
      pic: e.pic ?? null,
      seat: normPlace(e.seat, home),
      founding_meeting: {
        date: m?.date ?? null,
        place: m?.place ?? null,
        chair: m?.chair ?? null,
        secretary: m?.secretary ?? null,
        address: m?.address ?? null,
        opened_by: m?.opened_by ?? null,
        votes: normVotes(m?.votes),
      },
      management_board_size: e.management_board_size ?? null,
      term: e.term ?? null,
      management_board_term: e.management_board_term ?? null,
      management_board: e.management_board
        ? e.management_board.map((b) => ({ name: b.name ?? null, partner: b.partner ?? null, role: b.role ?? null }))
        : null,
      economic_activity: e.economic_activity ?? null,
      representative: normPerson(e.representative),
    },
    technologies: [...h.technologies],
    sectors: [...h.sectors],
    target_groups: [...h.target_groups],
    duration_months: h.duration_months,
    start_date: h.start_date ?? null,
    summary: h.summary ?? null,
    purpose: [...h.purpose],
    keywords: h.keywords ?? null,
    website: h.website ?? null,
  };
}
