import { z } from "zod";
import { defineRule } from "./types.js";
import { normaliseEik } from "../domain/eik.js";
import { normaliseVat } from "../domain/vat.js";

const KINDS = [
  { key: "eik", label: "ЕИК/БУЛСТАТ", norm: normaliseEik },
  { key: "vat", label: "VAT number", norm: normaliseVat },
] as const;

export default defineRule({
  meta: {
    id: "identifiers-unique",
    description: "No two partners share a VAT number or ЕИК/БУЛСТАТ: each partner is a legal entity of its own.",
    defaultSeverity: "error",
    source: { text: "none known as a written rule — edih's own consistency check: an ЕИК or VAT number identifies one registered entity, so a shared one is a copy-paste slip", confirmed: true },
    messages: {
      shared: "Partners \"{{first}}\" and \"{{second}}\" have the same {{label}} {{id}}",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    for (const { key, label, norm } of KINDS) {
      const first = new Map<string, number>();
      application.partners.forEach((p, i) => {
        const raw = p[key];
        if (raw == null || raw === "") return;
        const id = norm(raw);
        const j = first.get(id);
        if (j === undefined) { first.set(id, i); return; }
        const other = application.partners[j]!;
        report({
          messageId: "shared", data: { first: other.id, second: p.id, label, id },
          path: ["partners", i, key], hint: `each partner has its own ${label}: check which of the two it belongs to`,
        });
      });
    }
  },
});
