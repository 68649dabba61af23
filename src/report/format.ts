// Text and JSON views of a list of diagnostics. Both are deterministic: same input, same bytes.
import { countBySeverity, hasErrors, sortDiagnostics, type Diagnostic, type Severity } from "../diagnostics.js";
import { paint } from "./color.js";
import { displayPath } from "./paths.js";

export interface FormatOptions {
  /** Base for relative file names. */
  cwd: string;
  color?: boolean;
  /** Lines printed before the summary (e.g. "rule checks skipped until ..."). */
  notes?: readonly string[];
  /** Counts for the summary when `diagnostics` was filtered (e.g. --quiet hides warnings). */
  counts?: Record<Severity, number>;
}

export function formatText(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const p = paint(options.color ?? false);
  const lines: string[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    const where = location(d, options.cwd);
    const sev = d.severity === "error" ? p.red("error") : d.severity === "warning" ? p.yellow("warning") : p.blue("info");
    lines.push(`${where ? p.bold(where) + "  " : ""}${sev}  ${d.message}  ${p.dim(d.ruleId)}`);
    if (d.hint) lines.push(`    ${p.dim("hint:")} ${d.hint}`);
  }
  if (lines.length > 0) lines.push("");
  for (const note of options.notes ?? []) lines.push(note);
  lines.push(summary(options.counts ?? countBySeverity(diagnostics), p));
  return lines.join("\n") + "\n";
}

function summary(counts: Record<Severity, number>, p: ReturnType<typeof paint>): string {
  const parts = [plural(counts.error, "error"), plural(counts.warning, "warning")];
  if (counts.info > 0) parts.push(plural(counts.info, "note"));
  return counts.error > 0 ? p.red(`✖ ${parts.join(", ")}`) : p.green(`✔ valid: ${parts.join(", ")}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function location(d: Diagnostic, cwd: string): string {
  if (!d.file) return "";
  const file = displayPath(d.file, cwd);
  return d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}` : file;
}

export interface JsonReport {
  valid: boolean;
  counts: Record<Severity, number>;
  notes: string[];
  diagnostics: Array<{
    file: string | null; line: number | null; column: number | null; severity: Severity; ruleId: string;
    message: string; hint: string | null; path: Array<string | number> | null; source: string | null;
    /** The rule's message id and its data (rules only), for tools that match findings without parsing prose. */
    messageId: string | null; data: Record<string, string | number> | null;
  }>;
}

/** One JSON document; every diagnostic has every field (null when absent) so consumers need no guards. */
export function formatJson(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const counts = options.counts ?? countBySeverity(diagnostics);
  const report: JsonReport = {
    valid: options.counts ? counts.error === 0 : !hasErrors(diagnostics),
    counts,
    notes: [...(options.notes ?? [])],
    diagnostics: sortDiagnostics(diagnostics).map((d) => ({
      file: d.file ? displayPath(d.file, options.cwd) : null,
      line: d.line ?? null,
      column: d.column ?? null,
      severity: d.severity,
      ruleId: d.ruleId,
      message: d.message,
      hint: d.hint ?? null,
      path: d.path ? [...d.path] : null,
      source: d.source ?? null,
      messageId: d.messageId ?? null,
      data: d.data ? { ...d.data } : null,
    })),
  };
  return JSON.stringify(report, null, 2) + "\n";
}
