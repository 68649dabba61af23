import { z } from "zod";
import type { JsonPath } from "../diagnostics.js";
import { hasCyrillic, transliterate } from "../domain/transliterate.js";
import type { Multilingual } from "../schema/index.js";
import { defineRule } from "./types.js";

/** A place name English documents can only print as a transliteration: Cyrillic, no `en:` form. */
function cyrillicOnly(value: Multilingual | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const own = typeof value === "string" ? value : value.en === undefined ? value.bg : undefined;
  return own !== undefined && hasCyrillic(own) ? own : undefined;
}

export default defineRule({
  meta: {
    id: "places-transliterated",
    description: "Says once which places English documents print as their official transliteration, because the data gives them only in Cyrillic.",
    defaultSeverity: "info",
    source: { text: "Закон за транслитерацията, Art. 4 and 5 (ДВ бр. 19 от 13.03.2009): the streamlined system English documents use for Bulgarian names given without a Latin form", confirmed: true },
    messages: {
      transliterated: "English documents print {{count}} place(s) given only in Cyrillic as their transliteration: {{places}}",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    if (!application.languages.includes("en")) return;
    const found: Array<{ path: JsonPath; text: string }> = [];
    const add = (value: Multilingual | null | undefined, path: JsonPath) => {
      const text = cyrillicOnly(value);
      if (text !== undefined) found.push({ path, text });
    };
    add(application.hub.legal_entity.seat.city, ["hub", "legal_entity", "seat", "city"]);
    add(application.hub.legal_entity.founding_meeting?.place, ["hub", "legal_entity", "founding_meeting", "place"]);
    application.partners.forEach((p, i) => add(p.seat.city, ["partners", i, "seat", "city"]));
    if (found.length === 0) return;
    const names = [...new Set(found.map((f) => f.text))];
    report({
      messageId: "transliterated",
      data: { count: String(names.length), places: names.map((n) => `${n} → ${transliterate(n)}`).join(", ") },
      path: found[0]!.path,
      hint: "give the English name where it differs from the transliteration: city: { bg: София, en: Sofia }",
    });
  },
});
