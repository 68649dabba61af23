// Checks every registered rule against the conventions of src/rules/types.ts. Each check asserts
// something for every rule (no `if` that lets a rule through untested).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES, RULES_BY_ID } from "../../src/rules/index.js";
import { listCallPacks, loadCallPack } from "../../src/calls/index.js";
import { effectiveRules } from "../../src/calls/check.js";
import { placeholders } from "../../src/diagnostics.js";

const here = dirname(fileURLToPath(import.meta.url));
const rulesDir = join(here, "../../src/rules");
const moduleIds = readdirSync(rulesDir).filter((f) => f.endsWith(".ts") && !["index.ts", "types.ts"].includes(f)).map((f) => f.slice(0, -3)).sort();

/** Codes and sections of edih's internal research, which a user cannot open. */
const INTERNAL = [/research note/i, /programme\.md/i, /§/, /\b[SBC]\d{1,2}\b/];
/** A date a reader can check the source against: 16.12.2019, 2021-05-11, 1 January 2024, or "read 11.2025" for an undated page. */
const DATE = /\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b|\bread \d{1,2}\.\d{4}\b/;
const OWN_CHECK = /edih's own (consistency |completeness )?check/;

describe("rule registry consistency", () => {
  it("every rule module is registered, and every registered rule has a module named after its id", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(moduleIds);
    expect(RULES_BY_ID.size).toBe(RULES.length);
  });

  const packs = listCallPacks().map((id) => loadCallPack(id).pack!);

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      const testFile = join(here, `${rule.meta.id}.test.ts`);

      it("has a kebab-case id, a one-sentence description and a source", () => {
        expect(rule.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
        expect(rule.meta.description).not.toContain("\n");
        expect(rule.meta.source.text.length).toBeGreaterThan(10);
        expect(typeof rule.meta.source.confirmed).toBe("boolean");
        expect(["error", "warning", "info"]).toContain(rule.meta.defaultSeverity);
      });

      it("cites a public source with its date, or says it is edih's own check; never internal notes or codes", () => {
        const text = rule.meta.source.text;
        for (const pattern of INTERNAL) expect(text, `source cites ${pattern}`).not.toMatch(pattern);
        expect(DATE.test(text) || OWN_CHECK.test(text), `no date and not edih's own check: ${text}`).toBe(true);
      });

      it("is a warning where its source is unconfirmed, unless its severity rests on call-pack facts", () => {
        // Rules with facts are lowered by the pack instead (checked by effectiveRules below).
        const tooStrict = !rule.meta.source.confirmed && !(rule.meta.facts?.length) && rule.meta.defaultSeverity === "error";
        expect(tooStrict).toBe(false);
      });

      it("runs as a warning in any pack where one of its facts is unconfirmed, unless the pack sets its severity", () => {
        for (const pack of packs) {
          const e = effectiveRules(pack, [rule])[0]!;
          const shaky = (rule.meta.facts ?? []).some((f) => pack.facts[f] !== undefined && pack.facts[f].status !== "V");
          const explicit = pack.rules[rule.meta.id]?.severity !== undefined;
          expect(e.severity === "error" && shaky && !explicit, `${pack.id}: ${e.reason}`).toBe(false);
        }
      });

      it("has messages whose placeholders are plain names", () => {
        const ids = Object.keys(rule.meta.messages);
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) {
          const template = rule.meta.messages[id]!;
          expect(template.trim()).not.toBe("");
          // Every {{ opens a placeholder the formatter can fill: no stray braces left in the output.
          expect(template.replace(/\{\{\s*\w+\s*\}\}/g, "")).not.toMatch(/\{\{|\}\}/);
          expect(placeholders(template).every((k) => /^\w+$/.test(k))).toBe(true);
        }
      });

      it("has a table test that asserts every one of its message ids", () => {
        expect(existsSync(testFile), `${testFile} is missing`).toBe(true);
        const text = readFileSync(testFile, "utf8");
        for (const id of Object.keys(rule.meta.messages)) {
          expect(text.includes(`messageId: "${id}"`) || text.includes(`["${id}",`), `${rule.meta.id}.test.ts never asserts messageId "${id}"`).toBe(true);
        }
      });

      it("has default options (an empty options object parses)", () => {
        expect(rule.options.safeParse({}).success).toBe(true);
      });

      it("is enabled by at least one call pack", () => {
        expect(packs.some((p) => p.rules[rule.meta.id] !== undefined && p.rules[rule.meta.id]!.severity !== "off")).toBe(true);
      });
    });
  }
});
