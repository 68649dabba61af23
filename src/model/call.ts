import type { Language, Multilingual } from "../schema/index.js";
import { STATUS_NAMES, nameOf } from "./terms.js";

type Fact = { value?: unknown; status?: string } | null | undefined;
/** A fact's status mark in the call pack: V verified, P partly verified, I unconfirmed. */
type Status = "V" | "P" | "I";

/**
 * The part of a call pack the documents need. `CallPack` from src/calls/ (`loadCallPack`) fits it;
 * so does a raw data/calls/<ID>.yaml, whose numbers are only in `facts.<name>.value`.
 */
export interface CallFacts {
  id: string;
  title: Multilingual;
  /** The official reference (`null` value: unknown); a raw pack file and a CallPack both fit. */
  reference?: { value: string | null } | null;
  stage?: "national" | "eu";
  facts?: Record<string, Fact> | null;
  rates?: { eu_funding?: number | null; indirect?: number | null } | null;
  duration_months?: number | null;
  limits?: Partial<Record<LimitKey, number | null>> | null;
}

/** Limits templates print, under the names CallPack gives them, with the fact each comes from. */
const LIMITS = {
  part_b_pages: "part_b_max_pages",
  title_chars: "part_a_title_max_chars",
  abstract_chars: "part_a_abstract_max_chars",
  keywords_chars: "part_a_keywords_max_chars",
} as const;
type LimitKey = keyof typeof LIMITS;

/** What templates see as `call`: every documented field present, unknown facts null. */
export interface CallContext {
  /** The pack's internal id: for edih's own messages, never printed in a document. */
  id: string;
  /** The call's official reference, or null when not known (documents then leave a box to fill). */
  reference: string | null;
  title: Multilingual;
  stage: "national" | "eu";
  rates: { eu_funding: number | null; indirect: number | null };
  /** Status of each rate's fact; documents must say when a rate they print is not confirmed. */
  rates_status: { eu_funding: Status | null; indirect: Status | null };
  /** The same status in the document's language ("confirmed", "not confirmed"). */
  rates_status_text: { eu_funding: string; indirect: string };
  /** True when either rate is not verified [V] (or its status is unknown). */
  rates_unconfirmed: boolean;
  duration_months: number | null;
  limits: Record<LimitKey, number | null>;
}

export function callContext(call: CallFacts, lang: Language): CallContext {
  const fact = (name: string): number | null => {
    const value = call.facts?.[name]?.value;
    return typeof value === "number" ? value : null;
  };
  const limits = {} as Record<LimitKey, number | null>;
  for (const [key, factName] of Object.entries(LIMITS) as Array<[LimitKey, string]>) {
    limits[key] = call.limits?.[key] ?? fact(factName);
  }
  const status = (name: string): Status | null => {
    const s = call.facts?.[name]?.status;
    return s === "V" || s === "P" || s === "I" ? s : null;
  };
  const rates_status = { eu_funding: status("eu_funding_rate"), indirect: status("indirect_rate") };
  return {
    id: call.id,
    reference: call.reference?.value ?? null,
    title: call.title,
    stage: call.stage ?? "eu",
    rates_status,
    rates_status_text: {
      eu_funding: nameOf(rates_status.eu_funding ?? "unknown", lang, STATUS_NAMES),
      indirect: nameOf(rates_status.indirect ?? "unknown", lang, STATUS_NAMES),
    },
    rates_unconfirmed: rates_status.eu_funding !== "V" || rates_status.indirect !== "V",
    rates: {
      eu_funding: call.rates?.eu_funding ?? fact("eu_funding_rate"),
      indirect: call.rates?.indirect ?? fact("indirect_rate"),
    },
    duration_months: call.duration_months ?? fact("duration_months"),
    limits,
  };
}
