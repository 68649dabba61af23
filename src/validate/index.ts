// load → schema → rules: everything `edih apply validate` reports, as a library call.
import type { Diagnostic } from "../diagnostics.js";
import { hasErrors } from "../diagnostics.js";
import { loadProject, USAGE_RULE_IDS, type LoadedProject } from "../load/index.js";
import { parseApplication } from "../schema/diagnose.js";
import type { Application } from "../schema/application.js";
import type { CallPack } from "../calls/index.js";
import type { NarrativeFacts, Stage } from "../rules/types.js";
import type { ParsedInputs } from "../load/parsed-cache.js";

const NARRATIVE_RULES = ["narrative-complete", "narrative-limits"];

export type { Stage };

export interface ValidateOptions {
  stage?: Stage;
  /** Call pack id overriding the application's `call:`. */
  call?: string;
  /**
   * Check narrative (slots found by running every template: about a second of CPU for the
   * example, and the render side loaded). Default: only at --stage submission, so a draft
   * `validate` starts fast; `narrative status` asks for it always.
   */
  narrative?: boolean;
  /** Folder of call packs; default the installation's data/calls. */
  callsDir?: string;
  /** The folder as the user typed it, for messages about the folder itself. */
  shownAs?: string;
  /** Files parsed earlier in this process (`apply build --watch`), reused for the same bytes. */
  parsedInputs?: ParsedInputs;
}

export interface ValidateResult {
  project?: LoadedProject;
  application?: Application;
  callPack?: CallPack;
  diagnostics: Diagnostic[];
  /** Sentences for the summary: which steps did not run and why. */
  notes: string[];
  /** Slots and narrative files, when a narrative rule of the call pack is on. */
  narrative?: NarrativeFacts;
  /** Set when the problem is how edih was called (missing folder, unknown --call): exit 2. */
  usage?: Diagnostic;
}

export async function validateProject(dir: string, options: ValidateOptions = {}): Promise<ValidateResult> {
  const stage = options.stage ?? "draft";
  const loaded = await loadProject(dir, { ...(options.shownAs !== undefined ? { shownAs: options.shownAs } : {}),
    ...(options.parsedInputs ? { parsedInputs: options.parsedInputs } : {}) });
  const usage = loaded.diagnostics.find((d) => USAGE_RULE_IDS.has(d.ruleId));
  if (usage) return { diagnostics: loaded.diagnostics, notes: [], usage };
  const diagnostics = [...loaded.diagnostics];
  const project = loaded.project;
  if (!project) {
    return { diagnostics, notes: ["schema and rule checks skipped until the files above can be read"] };
  }

  const schema = parseApplication(project);
  diagnostics.push(...schema.diagnostics);
  const application = schema.application;
  if (!application) {
    const n = schema.diagnostics.filter((d) => d.severity === "error").length;
    return { project, diagnostics, notes: [`rule checks skipped until the ${n} schema error${n === 1 ? " is" : "s are"} fixed`] };
  }

  const callId = options.call ?? application.call;
  // Call packs pull in the rule registry; load them only once the data is worth checking.
  const { loadCallPack } = await import("../calls/index.js");
  const pack = loadCallPack(callId, options.callsDir ? { dir: options.callsDir } : undefined);
  if (!pack.pack) {
    if (options.call !== undefined) {
      // A wrong --call is the user's typing, not the data's fault.
      const first = pack.diagnostics[0];
      return { project, application, diagnostics, notes: [], usage: first ?? { ruleId: "call-pack", severity: "error", message: `unknown call ${callId}` } };
    }
    diagnostics.push(...pack.diagnostics.map((d) => locateCallDiagnostic(d, project)));
    return { project, application, diagnostics, notes: ["rule checks skipped until the call pack can be loaded"] };
  }
  // Problems inside a shipped call pack are edih's data, but still worth showing with their file.
  diagnostics.push(...pack.diagnostics);

  const { checkApplication } = await import("../calls/check.js");
  // Slots are found by rendering the templates: done only when a narrative rule is on.
  let narrative: NarrativeFacts | undefined;
  const wanted = options.narrative ?? stage === "submission";
  if (wanted && NARRATIVE_RULES.some((r) => pack.pack!.rules[r] && pack.pack!.rules[r].severity !== "off")) {
    const { narrativeFacts } = await import("../narrative/facts.js");
    const read = narrativeFacts(project.dir, application, pack.pack);
    diagnostics.push(...read.diagnostics);
    narrative = read.facts;
  }
  const findings = checkApplication(application, { callPack: pack.pack, stage, locate: (p) => project.sourceMap.locate(p),
    ...(narrative ? { narrative } : {}) });
  diagnostics.push(...withoutEchoes(findings, diagnostics));
  return { project, application, callPack: pack.pack, diagnostics, notes: [], ...(narrative ? { narrative } : {}) };
}

/**
 * The loader already reports duplicate partner ids naming both files; the rule that checks the
 * same on the merged data would say it again with less detail.
 */
function withoutEchoes(findings: Diagnostic[], earlier: Diagnostic[]): Diagnostic[] {
  const duplicates = new Set(earlier.filter((d) => d.ruleId === "duplicate-partner" && d.path).map((d) => d.path!.join("\u0000")));
  return findings.filter((d) => !(d.ruleId === "partner-ids-unique" && d.path && duplicates.has(d.path.join("\u0000"))));
}

/** Diagnostics about `call:` point at that line of edih.yaml. */
function locateCallDiagnostic(d: Diagnostic, project: LoadedProject): Diagnostic {
  if (d.file || !d.path || d.path[0] !== "call") return d;
  return { ...d, ...(project.sourceMap.locate(["call"]) ?? {}) };
}

export { hasErrors };
