// Choices offered by `init` and `partners add`, from the shipped reference data and call packs.
import { listCallPacks, loadCallPack } from "../calls/index.js";
import { loadLegalForms } from "../refdata/legal-forms.js";
import { loadNuts } from "../refdata/nuts.js";

export interface Choice { value: string; name: string }

export function callChoices(): Choice[] {
  return listCallPacks().map((id) => {
    const pack = loadCallPack(id).pack;
    return { value: id, name: pack ? `${id} — ${pack.title.en}` : id };
  });
}

export function callDuration(id: string): number | undefined {
  return loadCallPack(id).pack?.duration_months;
}

function regionName(code: string): string {
  const r = loadNuts().get(code);
  if (!r) return code;
  return r.names ? `${code} ${r.names.bg} (${r.names.en})` : `${code} ${r.label}`;
}

/** Countries with NUTS regions, by code. */
export function countryCodes(): string[] {
  return [...new Set(loadNuts().all().map((r) => r.country))].sort();
}

/** NUTS 2 regions of a country, with names (Extra-Regio left out). */
export function nuts2Choices(country: string): Choice[] {
  return loadNuts().all().filter((r) => r.level === 2 && r.country === country && !r.extraRegio)
    .map((r) => ({ value: r.code, name: regionName(r.code) }));
}

/** NUTS 3 regions inside a NUTS 2 region, with names. */
export function nuts3Choices(nuts2: string): Choice[] {
  return loadNuts().children(nuts2).filter((r) => !r.extraRegio).map((r) => ({ value: r.code, name: regionName(r.code) }));
}

export function isNuts(code: string, level: 2 | 3): boolean {
  const r = loadNuts().get(code);
  return !!r && r.level === level && !r.extraRegio;
}

export function legalFormChoices(): Choice[] {
  return loadLegalForms().all().map((f) => ({ value: f.id, name: f.abbr ? `${f.id} — ${f.abbr}, ${f.name_en}` : `${f.id} — ${f.name_en}` }));
}
