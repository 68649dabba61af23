import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "single-coordinator",
    description: "Exactly one partner has the role coordinator (it creates and submits the EU proposal).",
    defaultSeverity: "error",
    source: { text: "Funding & Tenders Portal Online Manual, “Electronic proposal submission”: the proposal is created and submitted by the coordinating organisation (https://webgate.ec.europa.eu/funding-tenders-opportunities/display/OM/Electronic+proposal+submission, undated page, read 11.2025)", confirmed: true },
    messages: {
      none: "No partner has the role coordinator; the EU proposal needs exactly one",
      second: "Partner \"{{partner}}\" is a second coordinator (the first is \"{{first}}\"); the EU proposal has exactly one",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const coords = application.partners.flatMap((p, i) => (p.roles.includes("coordinator") ? [{ p, i }] : []));
    if (coords.length === 0) {
      report({ messageId: "none", path: ["partners"], hint: "add coordinator to the roles of the organisation that submits the proposal" });
      return;
    }
    for (const { p, i } of coords.slice(1)) {
      report({ messageId: "second", data: { partner: p.id, first: coords[0]!.p.id }, path: ["partners", i, "roles"] });
    }
  },
});
