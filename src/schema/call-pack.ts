import { z } from "zod";
import { LANGUAGES } from "./common.js";

export const FACT_STATUSES = ["V", "P", "I"] as const;
export const RULE_SEVERITIES = ["error", "warning", "info", "off"] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const Fact = z.strictObject({
  value: z.union([z.number(), z.string(), z.boolean()]),
  description: z.string().optional(),
  sources: z.array(z.string()).min(1, "every fact names at least one source"),
  status: z.enum(FACT_STATUSES),
});
export type Fact = z.infer<typeof Fact>;

export const SourceRef = z.strictObject({ title: z.string(), url: z.string().optional() });

const RuleSettingObject = z.strictObject({
  severity: z.enum(RULE_SEVERITIES).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
export const RuleSetting = z.union([z.enum(RULE_SEVERITIES), RuleSettingObject]);
export type RuleSetting = z.infer<typeof RuleSettingObject>;

export const CallDocument = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  languages: z.union([z.literal("all"), z.array(z.enum(LANGUAGES)).min(1)]),
  per: z.enum(["partner", "municipality"]).nullable(),
});
export type CallDocument = z.infer<typeof CallDocument>;

/**
 * A narrative slot's limit: `part-a/abstract: { max_chars: part_a_abstract_max_chars }`. The
 * number is a fact of the pack, so its source and status are the fact's.
 */
export const SlotLimit = z.strictObject({ max_chars: z.string().min(1) });
export type SlotLimitSetting = z.infer<typeof SlotLimit>;
const SLOT_REF = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The call's official reference as its publisher gives it (the Portal's call id, a national
 * procedure's number), with sources; `value: null` says it is not known. Never inherited through
 * `extends`: a national stage is not the EU call. Documents print it, never the pack's own id.
 */
export const CallReference = z.strictObject({
  value: z.string().min(1).nullable(),
  sources: z.array(z.string()),
  status: z.enum(FACT_STATUSES),
  note: z.string().optional(),
});
export type CallReference = z.infer<typeof CallReference>;

/** One file in data/calls/, before `extends` is resolved. */
export const CallPackFile = z.strictObject({
  id: z.string().min(1),
  extends: z.string().min(1).optional(),
  title: z.strictObject({ bg: z.string().min(1), en: z.string().min(1) }),
  reference: CallReference.optional(),
  stage: z.enum(["eu", "national"]).optional(),
  nuts_version: z.string().optional(),
  sources: z.record(z.string(), SourceRef).optional(),
  facts: z.record(z.string(), Fact).optional(),
  rules: z.record(z.string(), RuleSetting).optional(),
  documents: z.array(CallDocument).optional(),
  /** Limits of narrative slots, by `<document>/<slot>`. */
  slots: z.record(z.string().regex(SLOT_REF, "a slot is named <document>/<slot>, both kebab-case"), SlotLimit).optional(),
});
export type CallPackFile = z.infer<typeof CallPackFile>;

/** Facts every pack must define (after `extends`): rules and the document model read them. */
export const REQUIRED_FACTS = ["eu_funding_rate", "indirect_rate", "duration_months"] as const;

/** A resolved call pack: parents merged, validated, with the facts the model needs at hand. */
export interface CallPack {
  id: string;
  /** Ids of the packs merged in, nearest parent first. */
  extends: string[];
  title: { bg: string; en: string };
  /** The pack's own official reference (not inherited); null when the pack does not give one. */
  reference: CallReference | null;
  stage: "eu" | "national";
  nuts_version: string;
  sources: Record<string, z.infer<typeof SourceRef>>;
  facts: Record<string, Fact>;
  rules: Record<string, RuleSetting>;
  documents: CallDocument[];
  /** Shortcuts to facts, as the templates see them. */
  rates: { eu_funding: number; indirect: number };
  duration_months: number;
  /** Narrative slot limits by `<document>/<slot>`: the number and the fact it comes from. */
  slots: Record<string, { max_chars: number; fact: string }>;
  limits: { part_b_pages?: number; title_chars?: number; abstract_chars?: number; keywords_chars?: number };
  /** Files read, the pack's own first. */
  files: string[];
}

/** Number value of a fact, or undefined when absent or not a number. */
export function factNumber(pack: Pick<CallPack, "facts">, id: string): number | undefined {
  const v = pack.facts[id]?.value;
  return typeof v === "number" ? v : undefined;
}
