// `edih apply diff`: load and parse both sides, compare, print. Differences are not errors.
import { EXIT, UsageError } from "../errors.js";
import { fromCwd, type CommandIO } from "../workflow/io.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Application } from "../schema/application.js";
import type { BudgetRates } from "../domain/budget.js";
import { diffApplications } from "../workflow/diff.js";
import { diffText } from "../workflow/diff-text.js";
import { snapshotAtRevision } from "../workflow/git-snapshot.js";

export interface DiffFlags { git?: string; format: "text" | "json" }

async function loadSide(dir: string, label: string, io: CommandIO): Promise<{ app?: Application; diagnostics: Diagnostic[] }> {
  const { loadProject, USAGE_RULE_IDS } = await import("../load/index.js");
  const { parseApplication } = await import("../schema/diagnose.js");
  const loaded = await loadProject(fromCwd(io, dir), { shownAs: dir });
  const usage = loaded.diagnostics.find((d) => USAGE_RULE_IDS.has(d.ruleId));
  if (usage) throw new UsageError(`${label}: ${usage.message}`, usage.hint);
  if (!loaded.project) return { diagnostics: loaded.diagnostics };
  const parsed = parseApplication(loaded.project);
  const errors = [...loaded.diagnostics, ...parsed.diagnostics].filter((d) => d.severity === "error");
  return errors.length || !parsed.application ? { diagnostics: errors } : { app: parsed.application, diagnostics: [] };
}

async function ratesOf(call: string): Promise<BudgetRates | undefined> {
  const { loadCallPack } = await import("../calls/index.js");
  return loadCallPack(call).pack?.rates;
}

export async function runDiff(oldArg: string, newArg: string | undefined, flags: DiffFlags, io: CommandIO): Promise<number> {
  let oldDir = oldArg, newDir = newArg ?? ".", oldLabel = oldArg, cleanup = () => {};
  if (flags.git !== undefined) {
    // `--git <rev> [dir]`: the single positional is the folder.
    if (newArg !== undefined) throw new UsageError("with --git give one folder: edih apply diff --git <rev> [dir]");
    newDir = oldArg;
    const snap = snapshotAtRevision(flags.git, fromCwd(io, newDir), newDir);
    oldDir = snap.dir;
    oldLabel = `${flags.git} (git)`;
    cleanup = snap.cleanup;
  }
  try {
    const [a, b] = [await loadSide(oldDir, oldLabel, io), await loadSide(newDir, newDir, io)];
    if (!a.app || !b.app) {
      const { formatText } = await import("../report/format.js");
      for (const [side, label] of [[a, oldLabel], [b, newDir]] as const) {
        if (side.app) continue;
        io.stderr.write(`edih: ${label} is not a valid application; fix it before comparing:\n` +
          formatText(side.diagnostics, { cwd: side === a && flags.git !== undefined ? oldDir : io.cwd }));
      }
      return EXIT.invalid;
    }
    const report = diffApplications(a.app, b.app, {
      old: oldLabel, new: newDir, rates: { old: await ratesOf(a.app.call), new: await ratesOf(b.app.call) },
    });
    // Narrative is compared apart from the data: a change of prose alone is still a difference.
    const { readNarrative } = await import("../narrative/load.js");
    const { diffNarrative, narrativeDiffLines } = await import("../narrative/diff.js");
    const narrative = diffNarrative(readNarrative(fromCwd(io, oldDir)).files, readNarrative(fromCwd(io, newDir)).files);
    const identical = report.identical && narrative.length === 0;
    const text = () => {
      if (identical) return diffText(report).replace("no differences in the data", "no differences in the data or the narrative");
      const lines = narrativeDiffLines(narrative).join("\n");
      return report.identical ? `Changes from ${report.old} to ${report.new}\n\n${lines}` : diffText(report) + (lines ? `\n${lines}` : "");
    };
    io.stdout.write(flags.format === "json" ? `${JSON.stringify({ ...report, identical, narrative }, null, 2)}\n` : text());
    return EXIT.ok;
  } finally {
    cleanup();
  }
}
