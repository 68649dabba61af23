import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "single-coordinator",
    description: "Exactly one partner has the role coordinator (it creates and submits the EU proposal).",
    defaultSeverity: "error",
    source: { text: "Funding & Tenders Portal Online Manual, “Electronic proposal submission”: the proposal is created and submitted by the coordinating organisation (https://webgate.ec.europa.eu/funding-tenders-opportunities/display/OM/Electronic+proposal+submission)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const coords = application.partners.flatMap((p, i) => (p.roles.includes("coordinator") ? [{ p, i }] : []));
    if (coords.length === 0) {
      report({ message: "No partner has the role coordinator; the EU proposal needs exactly one", path: ["partners"], hint: "add coordinator to the roles of the organisation that submits the proposal" });
      return;
    }
    for (const { p, i } of coords.slice(1)) {
      report({ message: `Partner "${p.id}" is a second coordinator (the first is "${coords[0]!.p.id}"); the EU proposal has exactly one`, path: ["partners", i, "roles"] });
    }
  },
});
