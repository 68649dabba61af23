// A rule is ESLint-shaped: `meta` (id, description, severity, source, messages) and a pure `check`
// that reports findings by message id. To write or convert a rule:
//   meta.messages: { tooMany: "{{who}} has {{count}} founders; {{min}} are needed" }
//   report({ messageId: "tooMany", data: { who, count, min }, path: [...], hint?: "..." })
// An unknown messageId does not compile (defineRule infers the ids from meta.messages); a
// placeholder without data throws when the message is filled (src/diagnostics.ts fillMessage), and
// the rule tester (tests/rules/tester.ts) checks both for every case. Table tests assert
// { messageId, data }, never the English text. Variants of a sentence get their own ids, not
// pieces of prose in data.
import type { z } from "zod";
import type { Application } from "../schema/application.js";
import { fillMessage, type JsonPath, type MessageData, type Severity } from "../diagnostics.js";
import type { CallPack } from "../schema/call-pack.js";
import type { ReferenceData } from "../refdata/index.js";

export type Stage = "draft" | "submission";

export interface RuleContext {
  application: Application;
  callPack: CallPack;
  stage: Stage;
  ref: ReferenceData;
  /** Slots and narrative files, when validation read them (src/narrative/facts.ts). */
  narrative?: NarrativeFacts;
}

/** One planned document copy (document, language, partner), its slots and its narrative files. */
export interface NarrativeFacts {
  documents: {
    job: { document: string; lang: "bg" | "en"; partner?: string; base: string };
    slots: { id: string; fromYaml?: string; words?: number; characters?: number }[];
    files: { slot: string; path: string; text: string; words: number; characters: number }[];
  }[];
}

export interface Report<Id extends string = string> {
  /** A key of the rule's meta.messages. */
  messageId: Id;
  /** Values of the template's placeholders. */
  data?: MessageData;
  /** JSON path of the offending node in the merged application. */
  path: JsonPath;
  /** A finding about a file that is not YAML data (a narrative file): reported there. */
  file?: string;
  hint?: string;
  /** Overrides the configured severity for this one finding (e.g. stricter at submission). */
  severity?: Severity;
}

export type ReportFn<Id extends string = string> = (report: Report<Id>) => void;

export interface RuleMeta<Id extends string = string> {
  id: string;
  /** One sentence, shown by `edih rules`. */
  description: string;
  defaultSeverity: Severity;
  /**
   * A public source a consultant can open (regulation article, call document section, law article,
   * Eurostat dataset) with its date; or, where none is known, a text saying it is edih's own check.
   * confirmed=false when the rule rests on an unconfirmed fact.
   */
  source: { text: string; confirmed: boolean };
  /** Call-pack facts the rule reads: when one is not [V], the rule runs as a warning by default. */
  facts?: readonly string[];
  docs?: string;
  /** Message templates by id, with `{{name}}` placeholders. */
  messages: Readonly<Record<Id, string>>;
}

/** The text of a finding: the rule's template for its message id, filled with its data. */
export function messageOf(meta: RuleMeta, report: Pick<Report, "messageId" | "data">): string {
  if (!Object.hasOwn(meta.messages, report.messageId)) throw new Error(`rule ${meta.id} has no message "${report.messageId}"`);
  return fillMessage(meta.messages[report.messageId]!, report.data);
}

export interface Rule<O extends z.ZodType = z.ZodType, Id extends string = string> {
  meta: RuleMeta<Id>;
  options: O;
  check(ctx: RuleContext, options: z.output<O>, report: ReportFn<Id>): void;
}

/** Typed identity helper: each module keeps its options type and its message ids. */
export function defineRule<O extends z.ZodType, Id extends string>(rule: Rule<O, Id>): Rule<O, Id> {
  return rule;
}
