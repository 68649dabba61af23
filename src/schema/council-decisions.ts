import type { JsonPath } from "../diagnostics.js";
import type { Multilingual, Votes } from "./common.js";
import type { Partner } from "./partner.js";

export type CouncilDecisionKind = "consent-in-principle" | "approval" | "other";

/** One council decision of a partner with every optional field present, and where it was written. */
export interface CouncilDecisionN {
  kind: CouncilDecisionKind;
  number: string | number | null;
  date: string | null;
  protocol: string | number | null;
  financial_commitment: number | null;
  representative: Multilingual | null;
  substitute: Multilingual | null;
  approves: Multilingual | null;
  votes: Votes | null;
  /** The decision's place in the application (`partners.<i>.council_decision[s…]`), for diagnostics. */
  path: JsonPath;
}

/**
 * A partner's council decisions in the order written: the single `council_decision:` form first
 * (an approval unless its `kind` says otherwise, which is what documents presented it as before the
 * list existed), then `council_decisions:`. `index` is the partner's place in `partners`.
 */
export function councilDecisions(p: Partner, index: number): CouncilDecisionN[] {
  const one = (d: NonNullable<Partner["council_decision"]>, kind: CouncilDecisionKind, path: JsonPath): CouncilDecisionN => ({
    kind,
    number: d.number ?? null,
    date: d.date ?? null,
    protocol: d.protocol ?? null,
    financial_commitment: d.financial_commitment ?? null,
    representative: d.representative ?? null,
    substitute: d.substitute ?? null,
    approves: d.approves ?? null,
    votes: d.votes ?? null,
    path,
  });
  const out: CouncilDecisionN[] = [];
  if (p.council_decision) out.push(one(p.council_decision, p.council_decision.kind ?? "approval", ["partners", index, "council_decision"]));
  (p.council_decisions ?? []).forEach((d, j) => out.push(one(d, d.kind, ["partners", index, "council_decisions", j])));
  return out;
}

/** ISO dates compare as strings; an undated decision counts as the latest written (it is still to come). */
type Dated = Pick<CouncilDecisionN, "kind" | "date" | "financial_commitment">;
const later = (a: Dated, b: Dated): boolean => a.date === null || (b.date !== null && a.date >= b.date);

/** The approval the agreement and the council decision document present: the latest approval, null when none. */
export function approvalDecision<D extends Dated>(decisions: readonly D[]): D | null {
  return decisions.filter((d) => d.kind === "approval").reduce<D | null>((a, d) => (a === null || later(d, a) ? d : a), null);
}

/** The consent in principle that preceded the approval (the earliest), null when none. */
export function consentDecision<D extends Dated>(decisions: readonly D[]): D | null {
  return decisions.filter((d) => d.kind === "consent-in-principle").reduce<D | null>((a, d) => (a === null || later(a, d) ? d : a), null);
}

/**
 * The decision that states the municipality's financial commitment as it now stands: the latest
 * decision that says anything about it (an approval may fix an amount a consent in principle excluded).
 */
export function commitmentDecision<D extends Dated>(decisions: readonly D[]): D | null {
  return decisions.filter((d) => d.financial_commitment !== null).reduce<D | null>((a, d) => (a === null || later(d, a) ? d : a), null);
}
