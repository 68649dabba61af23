import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "partner-ids-unique",
    description: "No two partners share an id.",
    defaultSeverity: "error",
    source: { text: "edih data format: a partner's id is its key in every reference (FORMAT.md)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const first = new Map<string, number>();
    application.partners.forEach((p, i) => {
      const j = first.get(p.id);
      if (j === undefined) first.set(p.id, i);
      else report({ message: `Partner id "${p.id}" is used twice (partners ${j + 1} and ${i + 1})`, path: ["partners", i, "id"], hint: "give each partner its own id" });
    });
  },
});
