import type { Language, Multilingual } from "../schema/index.js";
import { pickLanguage } from "../domain/languages.js";
import { hasCyrillic, transliterate } from "../domain/transliterate.js";

/**
 * A multilingual value in `lang`, falling back to the other language (legal names are often
 * written in one language only and are still the right name to print), or null when absent.
 */
export function textIn(value: Multilingual | null | undefined, lang: Language): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return pickLanguage(value, lang)?.text ?? null;
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

/**
 * A place name (city, meeting place) in `lang`: an English document given only the Bulgarian form
 * prints its official transliteration (Закон за транслитерацията), never Cyrillic.
 */
export function placeIn(value: Multilingual | null | undefined, lang: Language): string | null {
  const text = textIn(value, lang);
  if (text === null || lang !== "en") return text;
  const own = typeof value === "object" && value !== null ? value.en : undefined;
  return own ?? (hasCyrillic(text) ? transliterate(text) : text);
}

/**
 * The district to print in brackets after a city, or null when it would only repeat the city:
 * „Стара Загора (Стара Загора)“, „София (София (столица))“.
 */
export function districtAfter(city: string | null, district: string | null): string | null {
  if (!district) return null;
  if (!city) return district;
  const norm = (s: string) => s.toLocaleLowerCase().replace(/\s+/g, " ").trim();
  return norm(district).startsWith(norm(city)) ? null : district;
}
