import type { Multilingual } from "../../schema/common.js";

/** Every language variant of a multilingual value, with its key (`null` for a plain string). */
export function variants(value: Multilingual | null | undefined): Array<{ lang: "bg" | "en" | null; text: string }> {
  if (value == null) return [];
  if (typeof value === "string") return [{ lang: null, text: value }];
  return (["bg", "en"] as const).flatMap((lang) => (value[lang] !== undefined ? [{ lang, text: value[lang]! }] : []));
}
