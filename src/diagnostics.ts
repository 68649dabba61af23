/** Every problem in user input is a value, never an exception (docs/ARCHITECTURE.md). */
export type Severity = "error" | "warning" | "info";
export type JsonPath = ReadonlyArray<string | number>;

/** Values of a message template's `{{placeholders}}`. */
export type MessageData = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The placeholder names of a message template, in order of first appearance. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Fills a message template: `{{count}} empty slots` with { count: 3 }. A placeholder without a
 * value is a bug in the rule that reported it, so it throws rather than print a hole.
 */
export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (_m, k: string) => {
    if (!Object.hasOwn(data, k)) throw new Error(`message "${template}" has no value for {{${k}}}`);
    return String(data[k]);
  });
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Stable id: `schema`, `yaml-syntax`, `partner-in-region`, ... */
  ruleId: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** JSON path in the merged application, e.g. ["partners", 3, "seat", "nuts3"]. */
  path?: JsonPath;
  /** A rule's message id (ESLint style) and the values its template was filled with. */
  messageId?: string;
  data?: MessageData;
  /** How to fix it. */
  hint?: string;
  /** Clause or law the rule enforces; says when the fact is unconfirmed. */
  source?: string;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * Stable order: file, line, column, then rule id; diagnostics without a file go last. By code
 * units, as domain/order.ts (which this base module may not import), not localeCompare: its
 * first call loads ICU's collation data, ~12 ms of a cold validate.
 */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    byCodeUnits(a.file ?? "\uffff", b.file ?? "\uffff") ||
    (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) ||
    byCodeUnits(a.ruleId, b.ruleId) || byCodeUnits(a.message, b.message));
}
