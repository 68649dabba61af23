import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES, RULES_BY_ID } from "../../src/rules/index.js";
import { listCallPacks, loadCallPack } from "../../src/calls/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const rulesDir = join(here, "../../src/rules");
const moduleIds = readdirSync(rulesDir).filter((f) => f.endsWith(".ts") && !["index.ts", "types.ts"].includes(f)).map((f) => f.slice(0, -3)).sort();

describe("rule registry consistency", () => {
  it("every rule module is registered, and every registered rule has a module named after its id", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(moduleIds);
    expect(RULES_BY_ID.size).toBe(RULES.length);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it("has a kebab-case id, a one-sentence description and a source", () => {
        expect(rule.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
        expect(rule.meta.description).not.toContain("\n");
        expect(rule.meta.source.text.length).toBeGreaterThan(10);
        expect(typeof rule.meta.source.confirmed).toBe("boolean");
        expect(["error", "warning", "info"]).toContain(rule.meta.defaultSeverity);
      });
      it("defaults to a warning when its source is unconfirmed (unless its facts can lower it)", () => {
        if (!rule.meta.source.confirmed && !(rule.meta.facts?.length)) expect(rule.meta.defaultSeverity).not.toBe("error");
      });
      it("has default options (an empty options object parses)", () => {
        expect(rule.options.safeParse({}).success).toBe(true);
      });
      it("has a table test", () => {
        expect(existsSync(join(here, `${rule.meta.id}.test.ts`))).toBe(true);
      });
      it("is enabled by at least one call pack", () => {
        const enabled = listCallPacks().some((id) => {
          const s = loadCallPack(id).pack?.rules[rule.meta.id];
          return s !== undefined && s.severity !== "off";
        });
        expect(enabled).toBe(true);
      });
    });
  }
});
