// JSON Schemas for editors (yaml-language-server): generated from the zod contract so they never
// drift from what `edih apply validate` accepts. Cross-field rules (refine) are CLI-only.
import { z } from "zod";
import { Application } from "../schema/application.js";
import { Partner } from "../schema/partner.js";

/** Where `edih init` puts the schemas inside a project, so editors work offline. */
export const SCHEMA_DIR = ".edih";
export const APPLICATION_SCHEMA_FILE = `${SCHEMA_DIR}/schema.json`;
export const PARTNER_SCHEMA_FILE = `${SCHEMA_DIR}/partner.schema.json`;

/**
 * A partners/<id>.yaml file holds one partner mapping; its id may be left out because the
 * file name is the id (FORMAT.md), and the `$schema` key is tolerated like in edih.yaml.
 */
export const PartnerFile = Partner.extend({
  id: Partner.shape.id.optional().meta({ description: "Defaults to the file name without .yaml" }),
  $schema: z.string().optional(),
});

type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, title: string, description: string): JsonSchema {
  // io "input": keys with defaults stay optional, as a user writes them (libraries.md §6).
  const generated = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, title, description, ...rest };
}

export function applicationJsonSchema(): JsonSchema {
  return generate(Application, "edih application (edih.yaml)",
    "An EDIH grant application for edih: the hub, partners, services, work plan, budget and KPIs. See FORMAT.md.");
}

export function partnerJsonSchema(): JsonSchema {
  return generate(PartnerFile, "edih partner (partners/<id>.yaml)",
    "One partner of an EDIH consortium; the file name without .yaml is the partner's id.");
}

export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The comment line the YAML language server reads; `schemaPath` is relative to the YAML file. */
export function schemaComment(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}\n`;
}
