// The diff as plain text a consultant can paste into an e-mail: headings, one change a line,
// no colours, amounts with thousands separators.
import { groupDigits } from "../domain/digits.js";
import type { AmountChange, DiffReport, EntityChanges, FieldChange } from "./diff.js";

const FIGURE_NAMES: Record<string, string> = {
  personnel: "personnel", subcontracting: "subcontracting", travel: "travel", equipment: "equipment",
  other_goods_and_services: "other goods and services", direct: "direct costs", indirect: "indirect costs",
  eligible: "eligible costs", eu: "EU contribution",
};

export function money(x: number): string {
  const [int, frac] = Math.abs(x).toFixed(2).split(".");
  return `${x < 0 ? "-" : ""}${groupDigits(int!, " ")}.${frac}`;
}

function value(v: unknown): string {
  if (v === null || v === undefined) return "(none)";
  if (typeof v === "string") return JSON.stringify(v);
  return JSON.stringify(v).replace(/,"/g, ', "').replace(/":/g, '": ');
}

const fieldLine = (c: FieldChange, indent = "  ") => `${indent}${c.path}: ${value(c.old)} → ${value(c.new)}`;

function amountLine(c: AmountChange, currency: string): string {
  const sign = c.delta > 0 ? "+" : "";
  return `    ${FIGURE_NAMES[c.figure] ?? c.figure}: ${money(c.old)} → ${money(c.new)} ${currency} (${sign}${money(c.delta)})`;
}

function entities(title: string, e: EntityChanges, out: string[]): void {
  if (!e.added.length && !e.removed.length && !e.changed.length) return;
  out.push(title);
  for (const x of e.added) out.push(`  + added ${x.id}${x.name ? ` — ${x.name}` : ""}`);
  for (const x of e.removed) out.push(`  - removed ${x.id}${x.name ? ` — ${x.name}` : ""}`);
  for (const x of e.changed) {
    out.push(`  ~ changed ${x.id}${x.name ? ` — ${x.name}` : ""}`);
    for (const c of x.changes) out.push(fieldLine(c, "      "));
  }
  out.push("");
}

export function diffText(r: DiffReport): string {
  const out: string[] = [`Changes from ${r.old} to ${r.new}`, ""];
  if (r.identical) return `${out[0]}: no differences in the data.\n`;
  if (r.application.length) { out.push("Application"); out.push(...r.application.map((c) => fieldLine(c))); out.push(""); }
  if (r.hub.length) { out.push("Hub"); out.push(...r.hub.map((c) => fieldLine(c))); out.push(""); }
  entities("Partners", r.partners, out);
  const b = r.budget;
  if (b.partners.length || b.total.length) {
    out.push(`Budget (${b.currency})`);
    for (const p of b.partners) { out.push(`  ${p.partner}${p.name ? ` — ${p.name}` : ""}`); out.push(...p.changes.map((c) => amountLine(c, b.currency))); }
    if (b.total.length) { out.push("  Total"); out.push(...b.total.map((c) => amountLine(c, b.currency))); }
    if (b.eu.shareOfEligible !== null) {
      out.push(`  New EU contribution: ${money(b.eu.new)} ${b.currency} = ${(b.eu.shareOfEligible * 100).toFixed(2)} % of the eligible costs` +
        ` (was ${money(b.eu.old)} ${b.currency})`);
    } else {
      out.push("  (indirect costs and the EU contribution are not compared: a call pack is unknown)");
    }
    out.push("");
  }
  entities("Work packages", r.workPackages, out);
  entities("Deliverables", r.deliverables, out);
  entities("Milestones", r.milestones, out);
  entities("Services", r.services, out);
  entities("KPIs", r.kpis, out);
  return out.join("\n").replace(/\n+$/, "\n");
}
