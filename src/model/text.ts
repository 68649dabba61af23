import type { Language, Multilingual } from "../schema/index.js";

/**
 * A multilingual value in `lang`, falling back to the other language (legal names are often
 * written in one language only and are still the right name to print), or null when absent.
 */
export function textIn(value: Multilingual | null | undefined, lang: Language): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  const other: Language = lang === "bg" ? "en" : "bg";
  return value[lang] ?? value[other] ?? null;
}

/** `ai-and-data` → `Ai and data`: the last resort for a free tag nobody named. */
export function humanise(slug: string): string {
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Joins names the way a sentence lists them: `A, B and C` / `A, B и C`. */
export function listText(items: readonly string[], lang: Language): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "bg" ? " и " : " and ";
  return items.slice(0, -1).join(", ") + and + items[items.length - 1];
}
