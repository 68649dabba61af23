import { z } from "zod";
import { defineRule } from "./types.js";
import { countryOf, isMunicipality } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "council-decision-present",
    description: "Bulgarian law (ЗМСМА), under a call pack that turns it on (BG-EDIH-PRESELECTION-2021): every Bulgarian municipality among the founders has a municipal council decision with its number and date.",
    defaultSeverity: "error",
    source: { text: "Закон за местното самоуправление и местната администрация, чл. 21, ал. 1, т. 15 и ал. 2: the council consents to the municipality founding an association (practice: Stara Zagora council, 28.01.2021, TV Stara Zagora 19.02.2021; Ruse council decision No 27/16.12.2019, https://obs.ruse-bg.eu/)", confirmed: true },
    messages: {
      missing: "Municipality \"{{partner}}\" is a founder but no council decision is given",
      missingField: "Municipality \"{{partner}}\": the council decision's {{field}} is not given",
      missingNumberAndDate: "Municipality \"{{partner}}\": the council decision's number and date are not given",
    },
  },
  options: z.strictObject({}),
  check({ application, stage }, _options, report) {
    application.partners.forEach((p, i) => {
      if (!isMunicipality(p) || !p.roles.includes("founder") || countryOf(p.seat, application) !== "BG") return;
      const cd = p.council_decision;
      if (!cd) {
        report({ messageId: "missing", data: { partner: p.id }, path: ["partners", i], hint: "add council_decision: { number, date, protocol }" });
        return;
      }
      const missing = [cd.number == null ? "number" : undefined, cd.date == null ? "date" : undefined].filter((m) => m !== undefined);
      if (missing.length > 0) {
        report({
          ...(missing.length > 1
            ? { messageId: "missingNumberAndDate" as const, data: { partner: p.id } }
            : { messageId: "missingField" as const, data: { partner: p.id, field: missing[0]! } }),
          path: ["partners", i, "council_decision"],
          // Known to follow; a draft may lack it, a submission may not.
          severity: stage === "submission" ? "error" : "warning",
          hint: `copy ${missing.length > 1 ? "them" : "it"} from the council's decision or protocol`,
        });
      }
    });
  },
});
