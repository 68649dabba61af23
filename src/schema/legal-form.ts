import { z } from "zod";

import { LEGAL_FORM_IDS, type LegalFormId } from "./vocabulary.js";

export const LEGAL_FORM_ALIASES: Record<string, LegalFormId> = {
  "ЕТ": "et", "СД": "sd", "КД": "kd", "ООД": "ood", "ЕООД": "eood", "АД": "ad", "ЕАД": "ead",
  "КДА": "kda", "СНЦ": "association", "ДЗЗД": "dzzd",
};

export const LegalForm = z.union([
  z.enum(LEGAL_FORM_IDS),
  z.enum(Object.keys(LEGAL_FORM_ALIASES) as [string, ...string[]]).transform((a) => LEGAL_FORM_ALIASES[a]!),
]).meta({ description: "Legal form id from data/legal-forms.yaml (et, ood, eood, ad, association, municipality, ...) or its Bulgarian abbreviation" });
