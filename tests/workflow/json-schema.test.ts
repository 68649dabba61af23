import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { Ajv } from "ajv";
import { applicationJsonSchema, partnerJsonSchema } from "../../src/workflow/json-schema.js";

const ROOT = join(import.meta.dirname, "../..");
const yaml = (p: string) => parse(readFileSync(p, "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
const app = ajv.compile(applicationJsonSchema());
const partner = ajv.compile(partnerJsonSchema());

describe("JSON Schema for editors", () => {
  it("is draft-7 with a title", () => {
    expect(applicationJsonSchema().$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(applicationJsonSchema().title).toMatch(/edih\.yaml/);
    expect(partnerJsonSchema().title).toMatch(/partners/);
  });

  it("accepts the bundled example's edih.yaml and every partner file", () => {
    expect(app(yaml(join(ROOT, "examples/zagore/edih.yaml"))), JSON.stringify(app.errors)).toBe(true);
    const dir = join(ROOT, "examples/zagore/partners");
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(partner(yaml(join(dir, f))), `${f}: ${JSON.stringify(partner.errors)}`).toBe(true);
  });

  it.each([
    ["unknown-key.yaml", "additionalProperties"],
    ["wrong-enum.yaml", "enum"],
    ["number-for-string.yaml", "type"],
  ])("rejects %s (%s)", (file, keyword) => {
    expect(app(yaml(join(import.meta.dirname, "fixtures/schema-bad", file)))).toBe(false);
    expect(app.errors!.map((e) => e.keyword)).toContain(keyword);
  });

  it("rejects a partner file with an unknown type", () => {
    expect(partner(yaml(join(import.meta.dirname, "fixtures/schema-bad/partner-wrong-type.yaml")))).toBe(false);
    expect(partner.errors!.some((e) => e.instancePath === "/type")).toBe(true);
  });
});
