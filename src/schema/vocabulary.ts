/**
 * Closed lists of the input format that code outside the schema also names (the model, the rules,
 * `init`), kept apart from the zod schemas built from them: a render thread imports these without
 * building every schema (~60 ms of each thread's start).
 */

/**
 * The votes the founding protocol records, one per item in its order: the election of the meeting's
 * officers, the agenda, then the decisions (founding, name, seat, benefit, term, goals, statute,
 * board, representation, registration). Names rather than numbers, so a template can renumber.
 */
export const FOUNDING_VOTES = ["all", "officers", "agenda", "founding", "name", "seat", "benefit", "term", "goals",
  "statute", "board", "representation", "registration"] as const;

/** The four service families of the call's specific objective (Digital Europe, EDIH). */
export const SERVICE_FAMILIES = [
  "test-before-invest", "skills-and-training", "support-to-find-investments", "ecosystem-and-networking",
] as const;

/** Ids of data/legal-forms.yaml; the Bulgarian abbreviations are accepted as aliases (legal-form.ts). */
export const LEGAL_FORM_IDS = [
  "et", "sd", "kd", "ood", "eood", "ad", "ead", "kda", "cooperative", "association", "foundation",
  "chitalishte", "municipality", "state-university", "bas-institute", "state-body", "foreign-branch",
  "dzzd", "other",
] as const;
export type LegalFormId = (typeof LEGAL_FORM_IDS)[number];
