import type { Multilingual } from "../schema/index.js";

type Fact = { value?: unknown } | null | undefined;

/**
 * The part of a call pack the documents need, as data/calls/<ID>.yaml writes it: numbers are
 * `facts.<name>.value` (each with its sources). Any richer CallPack type from src/calls/ that keeps
 * these keys is assignable to it.
 */
export interface CallFacts {
  id: string;
  title: Multilingual;
  stage: "national" | "eu";
  facts?: Record<string, Fact> | null;
}

/** Limits the Part A / Part B templates print; always present (null when the pack has none). */
export const LIMIT_FACTS = [
  "part_b_max_pages", "part_a_title_max_chars", "part_a_abstract_max_chars", "part_a_keywords_max_chars",
] as const;

/** What templates see as `call`: every documented field present, unknown facts null. */
export interface CallContext {
  id: string;
  title: Multilingual;
  stage: "national" | "eu";
  rates: { eu_funding: number | null; indirect: number | null };
  duration_months: number | null;
  limits: Record<string, number | null>;
}

export function callContext(call: CallFacts): CallContext {
  const num = (name: string): number | null => {
    const value = call.facts?.[name]?.value;
    return typeof value === "number" ? value : null;
  };
  const limits: Record<string, number | null> = {};
  for (const name of LIMIT_FACTS) limits[name] = num(name);
  for (const name of Object.keys(call.facts ?? {})) if (/_max_/.test(name)) limits[name] = num(name);
  return {
    id: call.id,
    title: call.title,
    stage: call.stage,
    rates: { eu_funding: num("eu_funding_rate"), indirect: num("indirect_rate") },
    duration_months: num("duration_months"),
    limits,
  };
}
