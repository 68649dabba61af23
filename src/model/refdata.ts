import { loadReferenceData } from "../refdata/index.js";
import type { Language, LegalFormId } from "../schema/index.js";

/**
 * Lookups in the bundled reference data (legal forms, NUTS). The model asks through this
 * interface so that it stays pure and tests can pass small tables.
 */
export interface RefData {
  /** Name of a legal form id (`eood`, `association`, ...) in `lang` as documents print it, or null when unknown. */
  legalFormName(id: string, lang: Language): string | null;
  /** Who represents an entity of this legal form by law (the position in every language, the article when sourced), or null. */
  statutoryRepresentative(id: string): { positions: string[]; article: string | null } | null;
  /** Name of a NUTS region (any level) in `lang`, or null when unknown. */
  nutsName(code: string, lang: Language): string | null;
  /** Codes of the NUTS 3 regions inside a NUTS 2 region, in code order. */
  nuts3Of(nuts2: string): string[];
}

/** Knows nothing: names come out null and templates fall back to codes. */
export const NO_REFDATA: RefData = {
  legalFormName: () => null,
  statutoryRepresentative: () => null,
  nutsName: () => null,
  nuts3Of: () => [],
};

/** The bundled tables of data/ (src/refdata), read once and cached there. */
export function bundledRefData(): RefData {
  const ref = loadReferenceData();
  return {
    legalFormName(id, lang) {
      const form = ref.legalForms.get(id as LegalFormId);
      if (!form) return null;
      // Documents print the display name when the table gives one; name_* stays the reference name.
      return lang === "bg" ? form.display_bg ?? form.name_bg : form.display_en ?? form.name_en;
    },
    statutoryRepresentative(id) {
      const r = ref.legalForms.get(id as LegalFormId)?.representation;
      if (!r) return null;
      return { positions: [r.position_bg, r.position_en], article: r.source === null ? null : r.article };
    },
    nutsName(code, lang) {
      const region = ref.nuts.get(code);
      if (!region) return null;
      return region.names?.[lang] ?? region.label;
    },
    nuts3Of(nuts2) {
      return ref.nuts.children(nuts2).filter((r) => r.level === 3 && !r.extraRegio).map((r) => r.code).sort();
    },
  };
}
