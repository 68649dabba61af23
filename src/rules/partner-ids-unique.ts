import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "partner-ids-unique",
    description: "No two partners share an id.",
    defaultSeverity: "error",
    source: { text: "none known — edih's own consistency check: a partner's id is its key in every reference (docs/FORMAT.md)", confirmed: true },
    messages: {
      duplicate: "Partner id \"{{partner}}\" is used twice (partners {{first}} and {{second}})",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const first = new Map<string, number>();
    application.partners.forEach((p, i) => {
      const j = first.get(p.id);
      if (j === undefined) first.set(p.id, i);
      else report({ messageId: "duplicate", data: { partner: p.id, first: j + 1, second: i + 1 }, path: ["partners", i, "id"], hint: "give each partner its own id" });
    });
  },
});
