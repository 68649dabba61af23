import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "partner-in-region",
    description: "Each partner is present in the hub's region, by its seat or a branch.",
    defaultSeverity: "warning",
    source: { text: "none known — edih's own consistency check: no written rule was found, and national bodies and sector hubs (EDICS, AgroHub) took part from elsewhere", confirmed: false },
    messages: {
      unknownSeat: "{{who}} gives no NUTS 3 code for its seat, so its presence in the hub region {{region}} cannot be checked",
      outside: "{{who}} is seated in {{seat}}, outside the hub region {{region}} and has no branch there",
    },
  },
  options: z.strictObject({}),
  check({ application, ref }, _options, report) {
    const region = application.hub.region;
    // A wrong hub region is hub-region-nuts2's finding; comparing partners with it would only add noise.
    const r = ref.nuts.get(region);
    if (!r || r.level !== 2 || r.extraRegio) return;
    application.partners.forEach((p, i) => {
      const inRegion = (code: string | null | undefined): boolean => code != null && code.startsWith(region);
      if (inRegion(p.seat.nuts3) || p.branches.some((b) => inRegion(b.nuts3))) return;
      const who = p.national ? `Partner "${p.id}" (a national body)` : `Partner "${p.id}"`;
      if (p.seat.nuts3 == null && p.branches.every((b) => b.nuts3 == null)) {
        report({
          messageId: "unknownSeat", data: { who, region },
          path: ["partners", i, "seat"], severity: "info", hint: "add seat.nuts3 (e.g. BG344 for Stara Zagora)",
        });
        return;
      }
      report({
        messageId: "outside", data: { who, seat: p.seat.nuts3 ?? "an unknown district", region },
        path: p.seat.nuts3 != null ? ["partners", i, "seat", "nuts3"] : ["partners", i, "seat"],
        hint: p.national
          ? "national bodies usually serve the region through a local office: list it under branches"
          : `if the partner has an office in ${region}, list it under branches: [{ city, nuts3 }]`,
      });
    });
  },
});
