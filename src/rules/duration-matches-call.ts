import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "duration-matches-call",
    description: "The project's duration equals the call's duration.",
    defaultSeverity: "error",
    source: { text: "Three-year EDIH projects: Luxembourg Ministry of the Economy, national EDIH call 2020 (“initial three-year period”); zakazanlak.bg on SynGReDiT (3 years); the call document was not consulted", confirmed: false },
    facts: ["duration_months"],
  },
  options: z.strictObject({}),
  check({ application, callPack }, _options, report) {
    const want = callPack.duration_months;
    const got = application.hub.duration_months;
    if (got !== want) {
      report({ message: `The project runs ${got} months; call ${callPack.id} expects ${want}`, path: ["hub", "duration_months"], hint: `set duration_months: ${want}` });
    }
  },
});
