import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "duration-matches-call",
    description: "The project's duration equals the call's duration.",
    defaultSeverity: "error",
    source: { text: "Three-year EDIH projects: Luxembourg Ministry of the Economy, national EDIH call 2020 (“initial three-year period”, https://gouvernement.lu/en/dossiers.gouv_meco%2Ben%2Bdossiers%2B2020%2Bedih.html, read 11.2025); zakazanlak.bg on SynGReDiT (3 years, read 11.2025); the call document DIGITAL-2021-EDIH-01 (17.11.2021) was not consulted", confirmed: false },
    messages: {
      mismatch: "The project runs {{months}} months; call {{call}} expects {{expected}}",
    },
    facts: ["duration_months"],
  },
  options: z.strictObject({}),
  check({ application, callPack }, _options, report) {
    const want = callPack.duration_months;
    const got = application.hub.duration_months;
    if (got !== want) {
      report({ messageId: "mismatch", data: { months: got, call: callPack.id, expected: want }, path: ["hub", "duration_months"], hint: `set duration_months: ${want}` });
    }
  },
});
