/**
 * Checks a document's text against the conventions docs/TEMPLATES.md chooses (money, quotes,
 * scripts, no internal ids or tool notes); one message per break, with a little context.
 */
import { MONEY_PATTERN } from "../../src/render/format.js";

export interface ConventionOptions {
  /** Call-pack ids that are not official references: they must never be printed. */
  internalIds: readonly string[];
  /** Names given only in Cyrillic, which an English document may print as they are. */
  cyrillicNames: readonly string[];
}

/** Openings of the tool's notes (templates' `:::note` blocks): never in a final document. */
export const TOOL_NOTES = ["Rates to check", "Ставки за проверка", "Illustrative figures", "Примерни стойности",
  "budget figures are illustrative", "Стойностите в бюджета са примерни", "over the limit of", "над ограничението от"];

const around = (text: string, i: number, len: number) => JSON.stringify(text.slice(Math.max(0, i - 30), i + len + 30));

export function findConventionBreaks(text: string, lang: "bg" | "en", opts: ConventionOptions): string[] {
  const out: string[] = [];
  const first = (re: RegExp, what: string, src = text) => {
    const m = re.exec(src);
    if (m) out.push(`${what}: ${around(src, m.index, m[0].length)}`);
  };
  // Money: every amount in the language's convention; what is left must not look like an amount.
  const rest = text.replace(MONEY_PATTERN[lang], " AMOUNT ");
  first(/€/u, "euro sign (reserved for graphics)", rest);
  // (Within a line: a table's unit column next to a number cell is the style guide's table usage.)
  first(/\d[\d\u00a0 .,]*[ \u00a0]?(?:EUR|BGN|лв\.?|евро|euro)(?![\p{L}])/u, "amount not in the convention", rest);
  first(/(?:EUR|BGN)[ \u00a0]?-?\d/u, "amount not in the convention", rest);
  // Quotes: nested quotes must not end in a doubled closing mark.
  first(/““|””|""|’’|“\s+“/u, "doubled closing quote");
  // Internal ids and tool notes.
  for (const id of opts.internalIds) if (text.includes(id)) out.push(`internal call-pack id ${id}: ${around(text, text.indexOf(id), id.length)}`);
  for (const note of TOOL_NOTES) if (text.includes(note)) out.push(`tool note "${note}"`);
  if (lang === "en") {
    let t = text;
    for (const name of [...opts.cyrillicNames].sort((a, b) => b.length - a.length)) t = t.split(name).join("");
    first(/[\u0400-\u04ff]+/u, "Cyrillic in an English document", t);
  }
  return out;
}
