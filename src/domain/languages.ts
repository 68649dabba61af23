/**
 * The languages documents are written in, and the one rule of falling back between them: a value
 * given in one language only is still the right value to print in the other (legal names are often
 * registered in one language). Callers choose whether to mark the fallback.
 */
export const LANGUAGES = ["bg", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

export function otherLanguage(lang: Lang): Lang {
  return lang === "bg" ? "en" : "bg";
}

/** The non-empty text of `value` in `lang`, else in the other language; own keys only. */
export function pickLanguage(value: unknown, lang: Lang): { text: string; lang: Lang } | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  for (const l of [lang, otherLanguage(lang)]) {
    const text: unknown = Object.hasOwn(value, l) ? (value as Record<string, unknown>)[l] : undefined;
    if (typeof text === "string" && text !== "") return { text, lang: l };
  }
  return undefined;
}
