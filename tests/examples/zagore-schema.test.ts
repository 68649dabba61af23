import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applicationJsonSchema, partnerJsonSchema, schemaText } from "../../src/workflow/json-schema.js";

const EXAMPLE = join(import.meta.dirname, "../../examples/zagore");

// The example ships the editor schemas its `$schema` comments point at; they must never go stale.
describe("examples/zagore/.edih", () => {
  it("holds the schema generated from the current zod definitions", () => {
    expect(readFileSync(join(EXAMPLE, ".edih/schema.json"), "utf8")).toBe(schemaText(applicationJsonSchema()));
    expect(readFileSync(join(EXAMPLE, ".edih/partner.schema.json"), "utf8")).toBe(schemaText(partnerJsonSchema()));
  });

  it("every YAML file points at them", () => {
    expect(readFileSync(join(EXAMPLE, "edih.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.edih\/schema\.json$/m);
    expect(readFileSync(join(EXAMPLE, "partners/bia.yaml"), "utf8"))
      .toMatch(/^# yaml-language-server: \$schema=\.\.\/\.edih\/partner\.schema\.json$/m);
  });
});
