import type { Multilingual } from "../../schema/common.js";

/** A multilingual value in the preferred language, else any language given. */
export function text(value: Multilingual | null | undefined, lang: "bg" | "en" = "en"): string | undefined {
  if (value == null) return undefined;
  if (typeof value === "string") return value;
  return value[lang] ?? value.bg ?? value.en;
}

/** Every language variant of a multilingual value, with its key (`null` for a plain string). */
export function variants(value: Multilingual | null | undefined): Array<{ lang: "bg" | "en" | null; text: string }> {
  if (value == null) return [];
  if (typeof value === "string") return [{ lang: null, text: value }];
  return (["bg", "en"] as const).flatMap((lang) => (value[lang] !== undefined ? [{ lang, text: value[lang]! }] : []));
}
