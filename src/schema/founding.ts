import type { Multilingual, Votes } from "./common.js";
import { FOUNDING_VOTES } from "./vocabulary.js";
import type { RepresentationBasis } from "./partner.js";

// How the founding facts as written read as one shape, for the rules and the model alike.

/**
 * Whether a representative's position is the one the law names for the legal form (`кмет` /
 * `mayor`), in any language it is written in: only then is the basis of representation derived.
 */
export function isStatutoryPosition(position: Multilingual | null | undefined, statutory: readonly string[]): boolean {
  if (position === null || position === undefined) return false;
  const written = typeof position === "string" ? [position] : [position.bg, position.en].filter((x): x is string => x !== undefined);
  const norm = (s: string) => s.trim().toLocaleLowerCase();
  return written.some((w) => statutory.some((s) => norm(s) === norm(w)));
}

export interface BasisN {
  kind: "law" | "statute" | "power-of-attorney";
  number: string | number | null;
  date: string | null;
  text: Multilingual | null;
}

/** A representative's basis written as a word (`statute`) or a mapping, as one shape. */
export function normBasis(b: RepresentationBasis | null | undefined): BasisN | null {
  if (b === null || b === undefined) return null;
  if (typeof b === "string") return { kind: b, number: null, date: null, text: null };
  return { kind: b.kind, number: b.number ?? null, date: b.date ?? null, text: b.text ?? null };
}

type VoteId = Exclude<(typeof FOUNDING_VOTES)[number], "all">;

/** The vote on every item of the founding protocol: its own, else `all`'s, else null (a box). */
export function normVotes(v: Partial<Record<(typeof FOUNDING_VOTES)[number], Votes>> | null | undefined): Record<VoteId, Votes | null> {
  const out = {} as Record<VoteId, Votes | null>;
  for (const id of FOUNDING_VOTES) if (id !== "all") out[id] = v?.[id] ?? v?.all ?? null;
  return out;
}
