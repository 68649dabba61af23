// A small RuleTester: each case patches the base application, runs one rule under a call pack, and
// compares the findings with what the case expects (ESLint-style valid/invalid tables). Cases
// assert message ids and data, not the English text; every finding is also checked against the
// rule's meta: its messageId is defined and every placeholder of the template got a value.
import { describe, expect, it } from "vitest";
import { Application } from "../../src/schema/application.js";
import { loadCallPack } from "../../src/calls/index.js";
import type { CallPack, RuleSetting } from "../../src/schema/call-pack.js";
import { checkApplication } from "../../src/calls/check.js";
import { placeholders, type Diagnostic, type JsonPath, type MessageData, type Severity } from "../../src/diagnostics.js";
import type { NarrativeFacts, Rule, Stage } from "../../src/rules/types.js";
import { baseApplication, type Fixture } from "./base.js";

export interface Case {
  name: string;
  /** Changes to the base application before it is parsed. */
  patch?: (app: Fixture) => void;
  options?: Record<string, unknown>;
  stage?: Stage;
  call?: "DIGITAL-2021-EDIH-01" | "BG-EDIH-PRESELECTION-2021";
  /** Slots and narrative files, for the narrative rules. */
  narrative?: NarrativeFacts;
  /** Changes to the loaded call pack (e.g. a fact's status). */
  pack?: (pack: CallPack) => void;
}

export interface Expected {
  messageId: string;
  /** The values the finding carries (a subset: keys not listed are not compared). */
  data?: MessageData;
  path?: JsonPath;
  severity?: Severity;
  hint?: string | RegExp;
  file?: string;
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

export function buildApplication(patch?: Case["patch"]): Application {
  const input = baseApplication();
  patch?.(input);
  const parsed = Application.safeParse(input);
  if (!parsed.success) throw new Error(`test fixture does not match the schema: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

export function packFor(rule: Rule, c: Case): CallPack {
  const { pack, diagnostics } = loadCallPack(c.call ?? "DIGITAL-2021-EDIH-01");
  if (!pack) throw new Error(`call pack does not load: ${JSON.stringify(diagnostics)}`);
  const copy: CallPack = structuredClone(pack);
  const own = copy.rules[rule.meta.id];
  const setting: RuleSetting = {
    ...(own?.severity && own.severity !== "off" ? { severity: own.severity } : {}),
    options: { ...own?.options, ...c.options },
  };
  copy.rules = { [rule.meta.id]: setting };
  c.pack?.(copy);
  return copy;
}

export function runCase(rule: Rule, c: Case): Diagnostic[] {
  return checkApplication(buildApplication(c.patch), { callPack: packFor(rule, c), stage: c.stage ?? "draft", rules: [rule],
    ...(c.narrative ? { narrative: c.narrative } : {}) });
}

/**
 * Why a finding does not fit its rule's meta (undefined when it does): an id the meta does not
 * define, a placeholder without data, or an exception inside the rule (check.ts reports those
 * without an id).
 */
export function findingProblem(rule: Rule, d: Diagnostic): string | undefined {
  if (d.messageId === undefined) return `finding without a messageId: ${d.message}`;
  if (!Object.hasOwn(rule.meta.messages, d.messageId)) return `messageId "${d.messageId}" is not in ${rule.meta.id}'s meta.messages`;
  const missing = placeholders(rule.meta.messages[d.messageId]!).filter((k) => !Object.hasOwn(d.data ?? {}, k));
  return missing.length > 0 ? `message "${d.messageId}" has no data for ${missing.map((k) => `{{${k}}}`).join(", ")}` : undefined;
}

function matches(actual: string | undefined, want: string | RegExp): boolean {
  return typeof want === "string" ? actual === want : actual !== undefined && want.test(actual);
}

export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runCase(rule, c).map((d) => `${d.messageId}: ${d.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = runCase(rule, c);
        for (const d of got) expect(findingProblem(rule, d)).toBeUndefined();
        expect(got.map((d) => d.messageId), "message ids of the findings").toEqual(c.errors.map((e) => e.messageId));
        c.errors.forEach((want, k) => {
          const d = got[k]!;
          expect(d.ruleId).toBe(rule.meta.id);
          if (want.data !== undefined) expect(d.data, `data of ${d.messageId}`).toMatchObject(want.data);
          if (want.path !== undefined) expect(d.path).toEqual(want.path);
          if (want.severity !== undefined) expect(d.severity).toBe(want.severity);
          if (want.file !== undefined) expect(d.file).toBe(want.file);
          if (want.hint !== undefined) expect(matches(d.hint, want.hint), `hint: ${d.hint}`).toBe(true);
          expect(d.source).toBeTruthy();
        });
      });
    }
  });
}
