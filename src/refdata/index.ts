import { loadLegalForms, type LegalForms } from "./legal-forms.js";
import { loadNuts, type NutsTable } from "./nuts.js";

export * from "./nuts.js";
export * from "./legal-forms.js";
export { dataDir } from "../domain/install.js";

/** Reference data the rules and the document model read. */
export interface ReferenceData {
  nuts: NutsTable;
  legalForms: LegalForms;
}

export function loadReferenceData(): ReferenceData {
  return { nuts: loadNuts(), legalForms: loadLegalForms() };
}
