import type { z } from "zod";
import type { Application } from "../schema/application.js";
import type { JsonPath, Severity } from "../diagnostics.js";
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

export interface Report {
  message: string;
  /** JSON path of the offending node in the merged application. */
  path: JsonPath;
  /** A finding about a file that is not YAML data (a narrative file): reported there. */
  file?: string;
  hint?: string;
  /** Overrides the configured severity for this one finding (e.g. stricter at submission). */
  severity?: Severity;
}

export type ReportFn = (report: Report) => void;

export interface RuleMeta {
  id: string;
  /** One sentence, shown by `edih rules`. */
  description: string;
  defaultSeverity: Severity;
  /** The clause or law the rule enforces; confirmed=false when it rests on an unconfirmed fact. */
  source: { text: string; confirmed: boolean };
  /** Call-pack facts the rule reads: when one is not [V], the rule runs as a warning by default. */
  facts?: readonly string[];
  docs?: string;
  /** Message templates by id, `{{name}}` placeholders (ESLint style); see formatMessage. */
  messages?: Record<string, string>;
}

/** Fills a rule's message template: `{{count}} empty slots` with { count: 3 }. */
export function formatMessage(meta: RuleMeta, id: string, data: Record<string, string | number>): string {
  const template = meta.messages?.[id];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message "${id}"`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => String(data[k] ?? ""));
}

export interface Rule<O extends z.ZodType = z.ZodType> {
  meta: RuleMeta;
  options: O;
  check(ctx: RuleContext, options: z.output<O>, report: ReportFn): void;
}

/** Typed identity helper so each module keeps its options type. */
export function defineRule<O extends z.ZodType>(rule: Rule<O>): Rule<O> {
  return rule;
}
