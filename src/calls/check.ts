// Runs the rules a call pack enables, with its severities and options, over a validated application.
import type { Diagnostic, JsonPath, Location, Severity } from "../diagnostics.js";
import type { Application } from "../schema/application.js";
import type { CallPack } from "../schema/call-pack.js";
import { loadReferenceData, type ReferenceData } from "../refdata/index.js";
import { RULES } from "../rules/index.js";
import { messageOf, type NarrativeFacts, type Rule, type Stage } from "../rules/types.js";

export interface CheckOptions {
  callPack: CallPack;
  stage?: Stage;
  /** Maps a JSON path to file:line:column (the loader's source map). */
  locate?: (path: JsonPath) => Location | undefined;
  /** Defaults to the shipped data/ (NUTS, legal forms). */
  reference?: ReferenceData;
  /** Slots and narrative files (validate reads them when a narrative rule is on). */
  narrative?: NarrativeFacts;
  /** Defaults to the registry; tests pass a single rule. */
  rules?: readonly Rule[];
}

export interface EffectiveRule {
  rule: Rule;
  severity: Severity | "off";
  options: Record<string, unknown>;
  /** Why this severity: "call pack", "default", or "unconfirmed fact <id>". */
  reason: string;
}

/**
 * The severity and options each registered rule runs with under a call pack. A rule the pack
 * does not list is off. Without an explicit severity, a rule that reads an unconfirmed ([P]/[I])
 * fact runs as a warning rather than an error.
 */
export function effectiveRules(pack: CallPack, rules: readonly Rule[] = RULES): EffectiveRule[] {
  return rules.map((rule) => {
    const setting = pack.rules[rule.meta.id];
    if (!setting) return { rule, severity: "off", options: {}, reason: "not in call pack" };
    const options = setting.options ?? {};
    if (setting.severity) return { rule, severity: setting.severity, options, reason: "call pack" };
    const shaky = (rule.meta.facts ?? []).find((f) => pack.facts[f] !== undefined && pack.facts[f].status !== "V");
    if (shaky && rule.meta.defaultSeverity === "error") {
      return { rule, severity: "warning", options, reason: `unconfirmed fact ${shaky} [${pack.facts[shaky]!.status}]` };
    }
    return { rule, severity: rule.meta.defaultSeverity, options, reason: "default" };
  });
}

export function sourceText(rule: Rule): string {
  return rule.meta.source.confirmed ? rule.meta.source.text : `${rule.meta.source.text} [unconfirmed]`;
}

export function checkApplication(application: Application, opts: CheckOptions): Diagnostic[] {
  const { callPack } = opts;
  const ctx = { application, callPack, stage: opts.stage ?? "draft", ref: opts.reference ?? loadReferenceData(),
    ...(opts.narrative ? { narrative: opts.narrative } : {}) };
  const out: Diagnostic[] = [];
  for (const { rule, severity, options } of effectiveRules(callPack, opts.rules ?? RULES)) {
    if (severity === "off") continue;
    const parsed = rule.options.safeParse(options);
    if (!parsed.success) {
      // loadCallPack validates options, so this only happens with a hand-built pack.
      out.push({ ruleId: "call-pack", severity: "error", message: `Call pack ${callPack.id}: invalid options for rule ${rule.meta.id}` });
      continue;
    }
    const source = sourceText(rule);
    try {
      rule.check(ctx, parsed.data, (r) => {
        const loc = r.file ? { file: r.file, line: 1, column: 1 } : opts.locate?.(r.path);
        out.push({
          ruleId: rule.meta.id,
          severity: r.severity ?? severity,
          message: messageOf(rule.meta, r),
          messageId: r.messageId,
          ...(r.data ? { data: r.data } : {}),
          ...(loc ? { file: loc.file, line: loc.line, column: loc.column } : {}),
          path: r.path,
          ...(r.hint ? { hint: r.hint } : {}),
          source,
        });
      });
    } catch (err) {
      // A rule must not throw; if one does, the user still gets every other rule's findings.
      out.push({
        ruleId: rule.meta.id, severity: "error",
        message: `internal error in rule ${rule.meta.id}: ${err instanceof Error ? err.message : String(err)} (a bug in edih; please report it)`,
      });
    }
  }
  return out;
}
