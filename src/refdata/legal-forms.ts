import { readFileSync } from "node:fs";
import { deepFreeze } from "../domain/freeze.js";
import { join } from "node:path";
import { z } from "zod";
import { LEGAL_FORM_IDS, type LegalFormId } from "../schema/vocabulary.js";
import { readDataYaml } from "./compiled.js";
import { dataDir } from "../domain/install.js";

const Status = z.enum(["V", "P", "I"]);

export const LegalFormInfo = z.strictObject({
  id: z.enum(LEGAL_FORM_IDS),
  abbr: z.string().nullable(),
  name_bg: z.string(),
  name_en: z.string(),
  /** Shorter names for documents, where the full name's bracketed explanation reads awkwardly. */
  display_bg: z.string().optional(),
  display_en: z.string().optional(),
  law: z.string().nullable(),
  register: z.enum(["ТР", "ЮЛНЦ", "БУЛСТАТ"]).nullable(),
  legal_personality: z.boolean().nullable(),
  natural_person: z.boolean().optional(),
  status: Status,
  law_status: Status,
  personality_status: Status,
  /**
   * Who represents an entity of this form by law (without a power of attorney), so documents derive
   * the basis of representation instead of asking; the article is cited only with a source.
   */
  representation: z.strictObject({
    position_bg: z.string(),
    position_en: z.string(),
    article: z.string().nullable(),
    source: z.string().nullable(),
  }).optional(),
});
export type LegalFormInfo = z.infer<typeof LegalFormInfo>;

const LegalFormsFile = z.strictObject({ source: z.string(), forms: z.array(LegalFormInfo) });

export interface LegalForms {
  source: string;
  get(id: LegalFormId): LegalFormInfo | undefined;
  all(): readonly LegalFormInfo[];
}

export function legalFormsFrom(data: unknown): LegalForms {
  const file = deepFreeze(LegalFormsFile.parse(data));
  const byId = new Map(file.forms.map((f) => [f.id, f]));
  return { source: file.source, get: (id) => byId.get(id), all: () => file.forms };
}

let cached: LegalForms | undefined;

/** data/legal-forms.yaml; a malformed file is a bug in the installation, so it throws. */
export function loadLegalForms(): LegalForms {
  if (cached) return cached;
  const file = join(dataDir(), "legal-forms.yaml");
  return (cached = legalFormsFrom(readDataYaml(file, readFileSync(file, "utf8"))));
}
