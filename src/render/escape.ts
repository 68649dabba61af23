/**
 * Escaping of data values for Markdown. CommonMark lets any ASCII punctuation be backslash-escaped,
 * so escaping all of it is the one rule that is safe everywhere: inline markup, block starts
 * (`#`, `-`, `1.`, `>`), table cells (`|`), directives (`:`), HTML (`<`) and entities (`&`).
 */
const PUNCT = /[!-/:-@[-`{-~]/g;

/** Text from the data is one run of inline text: line breaks would end a table row or paragraph. */
export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "string" ? value : String(value);
  return s.replace(/\s*[\r\n]+\s*/g, " ").replace(PUNCT, (c) => "\\" + c);
}

/** Marks a string as trusted Markdown; Handlebars' escaping hook passes it through unchanged. */
export class RawMarkdown {
  constructor(readonly markdown: string) {}
  toHTML(): string {
    return this.markdown;
  }
  toString(): string {
    return this.markdown;
  }
}

/** The escaping hook installed while a template runs: RawMarkdown stays, everything else is escaped. */
export function escapeExpression(value: unknown): string {
  if (value instanceof RawMarkdown) return value.markdown;
  if (value && typeof value === "object" && typeof (value as { toHTML?: unknown }).toHTML === "function") {
    return String((value as { toHTML: () => unknown }).toHTML());
  }
  return escapeMarkdown(value);
}
