// `edih apply status [dir]`: flags and help only; the library loads inside the action.
import { relative } from "node:path";
import type { Command } from "commander";
import { EXIT } from "../errors.js";
import type { CommandContext, CommandIO } from "../workflow/io.js";
import { choiceOption } from "../workflow/options.js";

const HELP_AFTER = `
Prints what \`edih apply build\` would do to each file, in one line by default:
  146 up to date
  3 stale: out/bg/statute.docx, out/bg/statute.pdf, out/package-bg.pdf; 143 up to date
With --verbose, every file with its state and the build's decision:
  up to date      the build would skip it (carry)
  stale           its inputs changed (data, template, call pack, edih version): the build rewrites it
  edited by hand  changed since edih wrote it, or not written by edih: the build keeps it, --force overwrites it
  missing         not built yet
  refused         a link, a folder or something else stands where the file should be: the build writes nothing there
Renders nothing: it hashes the inputs the way the build does and compares with out/manifest.json.
\`edih apply build --dry-run\` prints the same decisions.

Exit codes: 0 listed (whatever the states), 1 the data cannot be read, 2 wrong usage.

Examples:
  $ edih apply status examples/zagore
  $ edih apply status my-hub --verbose
  $ edih apply status my-hub --format json
`;

interface StatusFlags {
  out?: string;
  format: "text" | "json";
  stage: "draft" | "submission";
  call?: string;
  draft?: boolean;
  verbose?: boolean;
}

export function registerStatus(ctx: CommandContext, apply: Command): void {
  apply.command("status")
    .description("list the outputs of a build as up to date, stale, edited by hand or missing")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .option("--out <dir>", "output folder (default: <dir>/out)")
    .addOption(choiceOption("--format <format>", "output format", ["text", "json"], "text"))
    .addOption(choiceOption("--stage <stage>", "as for build", ["draft", "submission"], "draft"))
    .option("--call <id>", "as for build: this call pack instead of the application's `call:`")
    .option("--draft", "compare with what `build --draft` would write")
    .option("--verbose", "list every output with its state and the build's decision")
    .addHelpText("after", HELP_AFTER)
    .exitOverride()
    .action(ctx.act((dir: string, flags: StatusFlags) => runStatus(dir, flags, ctx.io)));
}

export async function runStatus(dir: string, flags: StatusFlags, io: CommandIO): Promise<number> {
  const [{ applicationStatus }, { formatText, shouldColor }, { formatPlan }] =
    await Promise.all([import("../package/status.js"), import("../report/index.js"), import("../package/plan-text.js")]);
  const report = await applicationStatus(dir, { cwd: io.cwd, ...(flags.out ? { out: flags.out } : {}), stage: flags.stage,
    ...(flags.call ? { call: flags.call } : {}), draft: flags.draft ?? false });
  const out = relative(io.cwd, report.outDir) || ".";
  if (flags.format === "json") {
    io.stdout.write(JSON.stringify({ out: report.outDir, planned: report.planned, errors: report.errors,
      lastBuild: report.lastBuild ?? null, manifestProblem: report.manifestProblem ?? null, counts: report.counts, outputs: report.outputs }, null, 2) + "\n");
    return report.planned ? EXIT.ok : EXIT.invalid;
  }
  if (!report.planned) {
    const errors = report.validation.diagnostics.filter((d) => d.severity === "error");
    io.stdout.write(formatText(errors, { cwd: io.cwd, notes: ["cannot list the outputs until the data can be read"],
      counts: { error: errors.length, warning: 0, info: 0 }, color: shouldColor(io.stdout, io.env) }));
    return EXIT.invalid;
  }
  const lines = formatPlan(report.plan, out, flags.verbose ?? false);
  if (report.manifestProblem) lines.push(`${out}/manifest.json is not edih's manifest: ${report.manifestProblem}; existing files count as unknown`);
  if (flags.verbose) lines.push(report.lastBuild ? `last build: edih ${report.lastBuild.tool}${report.lastBuild.draft ? ", draft" : ""}` : "never built");
  if (report.errors > 0) lines.push(`the data has ${report.errors} error${report.errors === 1 ? "" : "s"}: a build stops unless --draft (\`edih apply validate\` lists them)`);
  io.stdout.write(lines.join("\n") + "\n");
  return EXIT.ok;
}
