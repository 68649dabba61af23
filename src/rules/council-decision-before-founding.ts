import { z } from "zod";
import { defineRule } from "./types.js";
import { countryOf, isMunicipality } from "./lib/partners.js";
import { councilDecisions } from "../schema/council-decisions.js";

export default defineRule({
  meta: {
    id: "council-decision-before-founding",
    description: "Bulgarian law (ЗМСМА), under a call pack that turns it on (BG-EDIH-PRESELECTION-2021): a Bulgarian municipal founder's council decision is dated no later than the founding of the association.",
    defaultSeverity: "warning",
    source: { text: "Закон за местното самоуправление и местната администрация, чл. 21, ал. 1, т. 15: the council decides on the municipality's participation in associations, so its consent precedes the founding (logical precondition, no explicit text); the clause as Ruse council decision No 27/16.12.2019 cites it (https://obs.ruse-bg.eu/)", confirmed: false },
    messages: {
      afterFounding: "Municipality \"{{partner}}\": council decision of {{date}} is after the association was founded ({{founded}})",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const le = application.hub.legal_entity;
    const founded = le.founding_meeting?.date ?? le.founded_on;
    if (founded == null) return;
    application.partners.forEach((p, i) => {
      if (!isMunicipality(p) || !p.roles.includes("founder") || countryOf(p.seat, application) !== "BG") return;
      for (const d of councilDecisions(p, i)) {
        // A decision of another kind (e.g. on the membership fee) may well come after the founding.
        if (d.kind === "other" || d.date === null) continue;
        // ISO dates compare correctly as strings.
        if (d.date > founded) {
          report({ messageId: "afterFounding", data: { partner: p.id, date: d.date, founded }, path: [...d.path, "date"], hint: "the founding needs the council's prior consent: check both dates" });
        }
      }
    });
  },
});
