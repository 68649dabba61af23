import { z } from "zod";
import { defineRule } from "./types.js";
import { didYouMean } from "../schema/suggest.js";

export default defineRule({
  meta: {
    id: "hub-region-nuts2",
    description: "The hub's region is an existing NUTS 2 code (not NUTS 3, not Extra-Regio).",
    defaultSeverity: "error",
    source: { text: "Call DIGITAL-2021-EDIH-01: a hub serves a specific geographical area (EVPA summary of the call, https://www.evpa.ngo/funding/initial-network-european-digital-innovation-hubs, read 11.2025); Bulgarian hubs declared a NUTS 2 planning region (EDIH Zagore, “About”: South-East region, NUTS II, https://en.edih-zagore.eu/about-us/, read 11.2025); codes: Eurostat NUTS 2024 classification (valid from 1 January 2024, https://ec.europa.eu/eurostat/web/nuts)", confirmed: true },
    messages: {
      unknown: "Hub region {{code}} is not a NUTS {{version}} code",
      extraRegio: "Hub region {{code}} is an Extra-Regio code, which no hub can cover",
      wrongLevel: "Hub region {{code}} is a NUTS {{level}} code; the hub covers a NUTS 2 region",
      outsideCountries: "Hub region {{code}} is outside {{countries}}, where this call selects hubs",
    },
  },
  options: z.strictObject({
    /** Country codes the region must belong to (empty: any EU country). */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  }),
  check({ application, ref }, options, report) {
    const code = application.hub.region;
    const path = ["hub", "region"];
    const region = ref.nuts.get(code);
    if (!region) {
      const level2 = ref.nuts.all().filter((r) => r.level === 2 && !r.extraRegio && r.country === code.slice(0, 2)).map((r) => r.code);
      report({
        messageId: "unknown", data: { code, version: ref.nuts.version },
        path,
        hint: didYouMean(code, level2) ?? (level2.length ? `NUTS 2 regions of ${code.slice(0, 2)}: ${level2.join(", ")}` : "use a NUTS 2 code such as BG34"),
      });
      return;
    }
    if (region.extraRegio) {
      report({ messageId: "extraRegio", data: { code }, path, hint: "use the NUTS 2 region the hub serves, e.g. BG34" });
      return;
    }
    if (region.level !== 2) {
      const up = region.level === 3 ? ref.nuts.get(region.parent) : undefined;
      report({
        messageId: "wrongLevel", data: { code, level: region.level },
        path,
        hint: up ? `${code} lies in ${up.code} (${up.names?.en ?? up.label}): write region: ${up.code}` : `use one of ${ref.nuts.children(code).map((r) => r.code).join(", ")}`,
      });
      return;
    }
    if (options.countries.length > 0 && !options.countries.includes(region.country)) {
      report({ messageId: "outsideCountries", data: { code, countries: options.countries.join(", ") }, path });
    }
  },
});
