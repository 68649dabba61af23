// `edih apply validate [dir]` and its top-level alias `edih validate [dir]`. Only flags and help
// live here; the library is imported inside the action so `edih --help` stays light.
import type { Command } from "commander";
import { UsageError, EXIT } from "../errors.js";
import { fromCwd, type CommandContext, type CommandIO } from "../workflow/io.js";
import { choiceOption } from "../workflow/options.js";

const HELP_AFTER = `
Reads edih.yaml and partners/*.yaml in the folder, checks them against the input format and the
call's eligibility rules, and prints every problem as file:line:column with the rule that found it.

Exit codes: 0 valid (warnings allowed), 1 the data has errors, 2 wrong usage (e.g. no such folder).

Examples:
  $ edih apply validate examples/zagore                 check the bundled example
  $ edih validate my-hub --stage submission             missing PIC/ЕИК become errors
  $ edih validate my-hub --call BG-EDIH-PRESELECTION-2021   check against the national pre-selection
  $ edih validate my-hub --format json > report.json    the same list for scripts and CI
`;

interface ValidateFlags {
  format: "text" | "json";
  stage: "draft" | "submission";
  call?: string;
  callsDir?: string;
  quiet?: boolean;
}

export function registerValidate(ctx: CommandContext, apply: Command, program?: Command): void {
  define(ctx, apply.command("validate"));
  // The short form most people type; same command, same flags.
  if (program) define(ctx, program.command("validate"), true);
}

function define(ctx: CommandContext, cmd: Command, alias = false): void {
  cmd
    .description(alias ? "check an application folder (same as `edih apply validate`)" : "check an application folder: format, eligibility and call rules, each problem at file:line:column")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .addOption(choiceOption("--format <format>", "output format", ["text", "json"], "text"))
    .addOption(choiceOption("--stage <stage>", "draft tolerates missing identifiers; submission does not", ["draft", "submission"], "draft"))
    .option("--call <id>", "check against this call pack instead of the application's `call:`")
    .option("--calls-dir <folder>", "a folder of your own call packs (<id>.yaml), read before the bundled ones (docs/CALL-PACKS.md)")
    .option("-q, --quiet", "print errors only (the summary still counts warnings)")
    .addHelpText("after", HELP_AFTER)
    .exitOverride()
    .action(ctx.act((dir: string, flags: ValidateFlags) => runValidate(dir, flags, ctx.io)));
}

async function runValidate(dir: string, flags: ValidateFlags, io: CommandIO): Promise<number> {
  const [{ validateProject }, { formatJson, formatText, shouldColor }, { countBySeverity }] = await Promise.all([
    import("../validate/index.js"), import("../report/index.js"), import("../diagnostics.js"),
  ]);
  const result = await validateProject(fromCwd(io, dir), { shownAs: dir, stage: flags.stage, ...(flags.call !== undefined ? { call: flags.call } : {}),
    ...(flags.callsDir !== undefined ? { callsDir: flags.callsDir } : {}) });
  if (result.usage) throw new UsageError(result.usage.message, result.usage.hint);

  const counts = countBySeverity(result.diagnostics);
  const shown = flags.quiet ? result.diagnostics.filter((d) => d.severity === "error") : result.diagnostics;
  const options = { cwd: io.cwd, notes: result.notes, counts };
  const out = flags.format === "json"
    ? formatJson(shown, options)
    : formatText(shown, { ...options, color: shouldColor(io.stdout, io.env) });
  io.stdout.write(out);
  return counts.error > 0 ? EXIT.invalid : EXIT.ok;
}
