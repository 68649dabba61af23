// The rule tester must catch a rule that reports a message id its meta does not define, or a
// template placeholder without data: these are bugs the English text would have hidden.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fillMessage, placeholders } from "../../src/diagnostics.js";
import { defineRule, messageOf, type ReportFn, type Rule } from "../../src/rules/types.js";
import { findingProblem, packFor, runCase } from "./tester.js";

/** A rule (under an id the packs enable) whose check() reports whatever the test makes it report. */
const ruleThat = (emit: (report: ReportFn) => void): Rule => ({
  meta: {
    id: "single-coordinator", description: "A test rule.", defaultSeverity: "error",
    source: { text: "none known — edih's own consistency check", confirmed: true },
    messages: { known: "Partner {{partner}} in {{place}}" },
  },
  options: z.strictObject({}),
  check(_ctx, _o, report) { emit(report); },
});

const run = (emit: (report: ReportFn) => void) => {
  const rule = ruleThat(emit);
  return { rule, found: runCase(rule, { name: "x" }) };
};

describe("message templates", () => {
  it("fills every placeholder and refuses one without data", () => {
    expect(fillMessage("{{a}} and {{ b }}", { a: 1, b: "two" })).toBe("1 and two");
    expect(() => fillMessage("{{a}} and {{b}}", { a: 1 })).toThrow(/no value for \{\{b\}\}/);
    // Object.prototype's names are not data.
    expect(() => fillMessage("{{constructor}}", {})).toThrow(/no value/);
    expect(placeholders("{{a}} {{b}} {{a}}")).toEqual(["a", "b"]);
  });
  it("refuses a message id the meta does not define", () => {
    const rule = ruleThat(() => undefined);
    expect(() => messageOf(rule.meta, { messageId: "unknown" })).toThrow(/has no message "unknown"/);
    expect(() => messageOf(rule.meta, { messageId: "toString" })).toThrow(/has no message "toString"/);
  });
  it("an unknown message id does not compile", () => {
    defineRule({
      meta: { id: "x", description: "X.", defaultSeverity: "error", source: { text: "none known — edih's own check", confirmed: true }, messages: { a: "A" } },
      options: z.strictObject({}),
      check(_ctx, _o, report) {
        // @ts-expect-error "b" is not a key of meta.messages
        report({ messageId: "b", path: [] });
        report({ messageId: "a", path: [] });
      },
    });
  });
});

describe("the tester's check of each finding", () => {
  it("passes a finding with its id and all its data", () => {
    const { rule, found } = run((emit) => emit({ messageId: "known", data: { partner: "uni", place: "BG344" }, path: [] }));
    expect(found.map((d) => d.message)).toEqual(["Partner uni in BG344"]);
    expect(findingProblem(rule, found[0]!)).toBeUndefined();
  });
  it("fails a finding whose id the meta does not define", () => {
    const { rule, found } = run((emit) => emit({ messageId: "unknown", path: [] }));
    expect(found).toHaveLength(1);
    expect(findingProblem(rule, found[0]!)).toMatch(/without a messageId: internal error in rule single-coordinator: rule single-coordinator has no message "unknown"/);
  });
  it("fails a finding whose template lacks data", () => {
    const { rule, found } = run((emit) => emit({ messageId: "known", data: { partner: "uni" }, path: [] }));
    expect(findingProblem(rule, found[0]!)).toMatch(/no value for \{\{place\}\}/);
    // And on a finding built by hand, it names the missing placeholder.
    expect(findingProblem(rule, { ruleId: rule.meta.id, severity: "error", message: "x", messageId: "known", data: { partner: "uni" } })).toBe("message \"known\" has no data for {{place}}");
    expect(findingProblem(rule, { ruleId: rule.meta.id, severity: "error", message: "x", messageId: "gone" })).toMatch(/"gone" is not in/);
  });
  it("runs the rule under the pack the case names", () => {
    expect(packFor(ruleThat(() => undefined), { name: "x", call: "BG-EDIH-PRESELECTION-2021" }).id).toBe("BG-EDIH-PRESELECTION-2021");
  });
});
