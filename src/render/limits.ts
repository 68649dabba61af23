// Bounds on what one template may produce. Without them a template that loops over a huge list
// (or a 50,000-row table from the data) runs for minutes and ends in an out-of-memory abort.
import type { Diagnostic } from "../diagnostics.js";
import { countText } from "../domain/digits.js";

/** A 100-page document is about 300,000 characters of Markdown. */
export const MAX_RENDERED_CHARS = 2_000_000;
/** Table rows in one document: the largest annex table of a real application has a few hundred. */
export const MAX_TABLE_ROWS = 5_000;

export function renderedSizeProblem(markdown: string, templatePath: string): Diagnostic | undefined {
  const at = { ruleId: "render-limit", severity: "error" as const, file: templatePath, line: 1, column: 1 };
  if (markdown.length > MAX_RENDERED_CHARS) {
    return { ...at, message: `the template produced ${countText(markdown.length)} characters, more than the ${countText(MAX_RENDERED_CHARS)} one document may have; not rendered`,
      hint: "a loop in the template or a very large list in the data? Split the document or shorten the data" };
  }
  let rows = 0;
  for (let i = markdown.indexOf("\n|"); i >= 0; i = markdown.indexOf("\n|", i + 2)) rows++;
  if (rows > MAX_TABLE_ROWS) {
    return { ...at, message: `the template produced ${countText(rows)} table rows, more than the ${countText(MAX_TABLE_ROWS)} one document may have; not rendered`,
      hint: "move the long list to a spreadsheet annex, or shorten the data" };
  }
  return undefined;
}
