/**
 * The build plan in words, for `apply status` and `apply build --dry-run`: one formatter, so the
 * two print the same decisions for the same state. Short by default (one summary line, as a
 * status check in a terminal should be), every output with --verbose.
 */
import type { Decision } from "./plan-outputs.js";
import { statusOf, type OutputStatus } from "./status.js";

const LABEL: Record<OutputStatus, string> = { "up-to-date": "up to date", stale: "stale", edited: "edited by hand", missing: "missing", refused: "refused" };
const ORDER: OutputStatus[] = ["refused", "edited", "stale", "missing", "up-to-date"];
const SHOWN = 3;

export function formatPlan(decisions: readonly Decision[], out: string, verbose: boolean): string[] {
  const lines: string[] = [];
  if (verbose) {
    const width = Math.max(...Object.values(LABEL).map((l) => l.length));
    for (const d of decisions) {
      const s = statusOf(d);
      lines.push(`  ${LABEL[s].padEnd(width)}  ${out}/${d.path}${d.action === "carry" ? "" : `  → ${d.action}: ${d.reason}`}`);
    }
  }
  lines.push(planSummary(decisions, out));
  return lines;
}

/** `146 up to date` or `3 stale: out/en/a.pdf, …; 143 up to date`. */
export function planSummary(decisions: readonly Decision[], out: string): string {
  if (decisions.length === 0) return "nothing to build";
  const groups = new Map<OutputStatus, Decision[]>();
  for (const d of decisions) groups.set(statusOf(d), [...(groups.get(statusOf(d)) ?? []), d]);
  const parts: string[] = [];
  for (const s of ORDER) {
    const ds = groups.get(s);
    if (!ds) continue;
    if (s === "up-to-date" || s === "missing" && ds.length > SHOWN) { parts.push(`${ds.length} ${LABEL[s]}`); continue; }
    const names = ds.slice(0, SHOWN).map((d) => `${out}/${d.path}`).join(", ");
    parts.push(`${ds.length} ${LABEL[s]}: ${names}${ds.length > SHOWN ? `, … (${ds.length - SHOWN} more; --verbose lists all)` : ""}`);
  }
  return parts.join("; ");
}
