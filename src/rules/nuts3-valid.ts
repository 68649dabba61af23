import { z } from "zod";
import type { Place } from "../schema/common.js";
import type { Application } from "../schema/application.js";
import type { JsonPath } from "../diagnostics.js";
import type { NutsTable } from "../refdata/nuts.js";
import { defineRule } from "./types.js";
import { isoCountry, nutsCountry } from "../refdata/countries.js";
import { didYouMean } from "../schema/suggest.js";
import { variants } from "./lib/text.js";

function places(app: Application): Array<{ place: Place; path: JsonPath; who: string }> {
  const out: Array<{ place: Place; path: JsonPath; who: string }> = [
    { place: app.hub.legal_entity.seat, path: ["hub", "legal_entity", "seat"], who: "The hub's legal entity" },
  ];
  app.partners.forEach((p, i) => {
    out.push({ place: p.seat, path: ["partners", i, "seat"], who: `Partner "${p.id}"` });
    p.branches.forEach((b, j) => out.push({ place: b, path: ["partners", i, "branches", j], who: `A branch of partner "${p.id}"` }));
  });
  return out;
}

const stripped = (name: string): string => name.replace(/\s*\(.*\)\s*$/, "").trim().toLowerCase();

/**
 * NUTS 3 districts by country and name (bg or Latin, without "(…)", lower case), built once per
 * table: the check asks for every place of every partner, and each rebuild of a watch session runs it.
 */
const districtIndex = new WeakMap<NutsTable, Map<string, string[]>>();

function districtsNamed(nuts: NutsTable, country: string, city: string): string[] {
  let index = districtIndex.get(nuts);
  if (!index) {
    index = new Map();
    for (const r of nuts.all()) {
      if (r.level !== 3) continue;
      for (const name of new Set([r.label, r.names?.bg, r.names?.latn].filter((n): n is string => n !== undefined).map(stripped))) {
        const key = `${r.country}\u0000${name}`;
        index.set(key, [...(index.get(key) ?? []), r.code]);
      }
    }
    districtIndex.set(nuts, index);
  }
  return index.get(`${country}\u0000${stripped(city)}`) ?? [];
}

export default defineRule({
  meta: {
    id: "nuts3-valid",
    description: "Every NUTS 3 code given exists, is a NUTS 3 district, agrees with the place's `country:` where one is written, and with the city when the city names a district.",
    defaultSeverity: "error",
    source: { text: "Eurostat NUTS 2024 classification (valid from 1 January 2024, https://ec.europa.eu/eurostat/web/nuts; data/nuts-2024.json); that a city naming a district lies in it is edih's own consistency check", confirmed: true },
    messages: {
      unknown: "{{who}}: {{code}} is not a NUTS {{version}} code",
      extraRegio: "{{who}}: {{code}} is an Extra-Regio code, not a place",
      wrongLevel: "{{who}}: {{code}} is a NUTS {{level}} code; nuts3 needs a NUTS 3 district",
      countryMismatch: "{{who}}: {{code}} lies in {{nutsCountry}}, but the place's country is {{country}}",
      cityMismatch: "{{who}}: city \"{{city}}\" is the seat of district {{districts}}, but nuts3 is {{code}} ({{name}})",
    },
  },
  options: z.strictObject({}),
  check({ application, ref }, _options, report) {
    for (const { place, path, who } of places(application)) {
      const code = place.nuts3;
      if (code == null) continue;
      const at = [...path, "nuts3"];
      const region = ref.nuts.get(code);
      if (!region) {
        const level3 = ref.nuts.all().filter((r) => r.level === 3 && r.country === code.slice(0, 2) && !r.extraRegio).map((r) => r.code);
        const hint = didYouMean(code, level3);
        report({ messageId: "unknown", data: { who, code, version: ref.nuts.version }, path: at, ...(hint ? { hint } : {}) });
        continue;
      }
      if (region.extraRegio) {
        report({ messageId: "extraRegio", data: { who, code }, path: at });
        continue;
      }
      if (region.level !== 3) {
        const kids = ref.nuts.children(code).map((r) => r.code);
        report({ messageId: "wrongLevel", data: { who, code, level: region.level }, path: at, hint: `districts of ${code}: ${kids.join(", ")}` });
        continue;
      }
      // The NUTS code says the country; `country:` may repeat it, never contradict it.
      if (place.country && isoCountry(place.country) !== nutsCountry(code)) {
        report({
          messageId: "countryMismatch", data: { who, code, nutsCountry: nutsCountry(code), country: place.country },
          path: [...path, "country"], hint: "correct country: or nuts3 (with nuts3 given, country: can be left out)",
        });
        continue;
      }
      for (const v of variants(place.city)) {
        const named = districtsNamed(ref.nuts, region.country, v.text);
        if (named.length > 0 && !named.includes(code)) {
          const name = region.names?.latn ?? region.label;
          report({
            messageId: "cityMismatch", data: { who, city: v.text, districts: named.join("/"), code, name },
            path: at, severity: "warning", hint: `write nuts3: ${named[0]} if the place is in ${v.text}`,
          });
          break;
        }
      }
    }
  },
});
