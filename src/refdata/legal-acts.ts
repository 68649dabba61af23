import { readFileSync } from "node:fs";
import { deepFreeze } from "../domain/freeze.js";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { dataDir } from "../domain/install.js";

const Status = z.enum(["V", "P", "I"]);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const Text = z.strictObject({ bg: z.string().min(1), en: z.string().min(1) });

const Source = z.strictObject({ title: z.string(), url: z.string().optional(), date: IsoDate.optional() });

const Objective = z.strictObject({ id: z.string(), en: z.string(), bg: z.string() });

export const LegalAct = z.strictObject({
  kind: z.enum(["eu-regulation", "eu-proposal", "national-law", "national-procedure"]),
  number: z.string().optional(),
  title: Text,
  short: Text.optional(),
  /** Strings that name the act in a document's text (for the "cited before it existed" check). */
  cited_as: z.array(z.string().min(1)).default([]),
  adopted: IsoDate.nullable(),
  /** When only the year of adoption is known (the proposal's number carries it). */
  adopted_year: z.number().int().optional(),
  published: z.strictObject({ date: IsoDate, journal: z.string() }).optional(),
  in_force: IsoDate.nullable().optional(),
  sources: z.array(z.string()).min(1, "every act names at least one source"),
  status: Status,
  /** The act cited instead before this one was adopted (a regulation's proposal). */
  replaces: z.string().optional(),
  specific_objectives: z.strictObject({ sources: z.array(z.string()).min(1), status: Status, items: z.array(Objective).min(1) }).optional(),
  edih_article: z.string().optional(),
  adopted_by: Text.optional(),
  decision_number: z.string().nullable().optional(),
  submitted_to: Text.optional(),
  submitted_to_sources: z.array(z.string()).optional(),
});
export type LegalAct = z.infer<typeof LegalAct>;

const LegalActsFile = z.strictObject({
  sources: z.record(z.string(), Source),
  acts: z.record(z.string(), LegalAct),
});
export type LegalActsFile = z.infer<typeof LegalActsFile>;

export interface LegalActs {
  sources: LegalActsFile["sources"];
  get(id: string): LegalAct | undefined;
  ids(): string[];
}

/** Validates the table; every source and `replaces` reference must resolve (a bad file is a bug). */
export function legalActsFrom(data: unknown): LegalActs {
  const file = deepFreeze(LegalActsFile.parse(data));
  for (const [id, act] of Object.entries(file.acts)) {
    const refs = [...act.sources, ...(act.specific_objectives?.sources ?? []), ...(act.submitted_to_sources ?? [])];
    for (const s of refs) if (!Object.hasOwn(file.sources, s)) throw new Error(`data/legal-acts.yaml: act ${id} cites unknown source ${s}`);
    if (act.replaces && !file.acts[act.replaces]) throw new Error(`data/legal-acts.yaml: act ${id} replaces unknown act ${act.replaces}`);
  }
  return { sources: file.sources, get: (id) => (Object.hasOwn(file.acts, id) ? file.acts[id] : undefined), ids: () => Object.keys(file.acts) };
}

let cached: LegalActs | undefined;

/** data/legal-acts.yaml. */
export function loadLegalActs(): LegalActs {
  return (cached ??= legalActsFrom(parse(readFileSync(join(dataDir(), "legal-acts.yaml"), "utf8"))));
}
