import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "duration-matches-call",
    description: "The project's duration equals the call's duration.",
    defaultSeverity: "error",
    source: { text: "EDIH initial network: three-year projects (S10, B16; research note §1.4, partly verified)", confirmed: false },
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
