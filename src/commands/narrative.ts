// `edih narrative …`: the consultant's own text. Flags and help only; libraries load in the action.
import type { Command } from "commander";
import { EXIT, UsageError } from "../errors.js";
import { fromCwd, type CommandContext, type CommandIO } from "../workflow/io.js";
import { choiceOption } from "../workflow/options.js";

const STATUS_HELP = `
Lists, for every document and language the call needs, each slot (a place where the consultant
writes prose) with its state (filled or empty), its words and characters, its limit from the call
pack, and the file that holds its text: narrative/<document>/<slot>.<lang>.md, or
narrative/<document>/<partner>/<slot>.<lang>.md for a document issued per partner.

After the list come the problems with narrative files (a file whose slot does not exist, with a
"did you mean"; a slot over its limit; a refused symlink). A draft \`apply validate\` does not
check narrative (it would have to run every template); \`--stage submission\` does.

Exit codes: 0 listed (empty slots included), 1 the data cannot be read, 2 wrong usage.

Examples:
  $ edih narrative status examples/zagore
  $ edih narrative status my-hub --format json
`;

interface StatusFlags {
  format: "text" | "json";
  call?: string;
}

export function registerNarrative(ctx: CommandContext, program: Command): Command {
  const narrative = program.command("narrative").description("the text written in slots: list what is written and what is still empty")
    .exitOverride();
  narrative.command("status")
    .description("list every slot of every document: filled or empty, words, characters, limit, file")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .addOption(choiceOption("--format <format>", "output format", ["text", "json"], "text"))
    .option("--call <id>", "this call pack instead of the application's `call:`")
    .addHelpText("after", STATUS_HELP)
    .exitOverride()
    .action(ctx.act((dir: string, flags: StatusFlags) => runStatus(dir, flags, ctx.io)));
  return narrative;
}

async function runStatus(dir: string, flags: StatusFlags, io: CommandIO): Promise<number> {
  const [{ validateProject }, { slotStatus, formatStatusText }, { formatText, shouldColor }, { countBySeverity }] = await Promise.all([
    import("../validate/index.js"), import("../narrative/status.js"), import("../report/index.js"), import("../diagnostics.js")]);
  const result = await validateProject(fromCwd(io, dir), { shownAs: dir, narrative: true, ...(flags.call !== undefined ? { call: flags.call } : {}) });
  if (result.usage) throw new UsageError(result.usage.message, result.usage.hint);
  if (!result.narrative || !result.callPack) {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    io.stdout.write(formatText(errors, { cwd: io.cwd, notes: [...result.notes, "cannot list the slots until the data can be read"],
      counts: { error: errors.length, warning: 0, info: 0 }, color: shouldColor(io.stdout, io.env) }));
    return EXIT.invalid;
  }
  const docs = slotStatus(result.narrative, result.callPack);
  // The findings about narrative files (a misspelt slot, a refused symlink, a limit passed): the
  // rest of validation is `apply validate`'s to report.
  const findings = result.diagnostics.filter((d) => d.file === "narrative" || d.file?.startsWith("narrative/"));
  if (flags.format === "json") {
    io.stdout.write(JSON.stringify({ call: result.callPack.id, documents: docs, diagnostics: findings }, null, 2) + "\n");
  } else {
    io.stdout.write(formatStatusText(docs));
    const problems = findings.filter((d) => d.ruleId !== "narrative-complete");
    if (problems.length) {
      io.stdout.write("\n" + formatText(problems, { cwd: io.cwd, notes: [], counts: countBySeverity(problems), color: shouldColor(io.stdout, io.env) }));
    }
  }
  return EXIT.ok;
}
