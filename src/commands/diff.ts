import type { Command } from "commander";
import type { CommandContext } from "../workflow/io.js";
import { choiceOption } from "../workflow/options.js";

export function registerDiff(ctx: CommandContext, parent: Command): void {
  parent.command("diff")
    .description("compare two versions of an application: partners, budget, work plan, services")
    .argument("<old>", "the earlier application folder (with --git: the folder to compare)")
    .argument("[new]", "the later application folder", undefined)
    .option("--git <rev>", "compare the folder with its state at a git revision (HEAD, HEAD~1, a tag ...)")
    .addOption(choiceOption("--format <format>", "text or json", ["text", "json"], "text"))
    .addHelpText("after", `
Partners added, removed and changed field by field; budget changes per partner and in total with
the new EU contribution (rates from each side's call pack); work packages, deliverables and
milestones (months, leads, effort); services; hub fields. The text is meant to be pasted into an
e-mail to the partners. Exit codes: 0 compared (differences are not errors), 1 a side is not a
valid application (its problems are printed), 2 wrong usage.

Examples:
  $ edih apply diff sent-2021-03-01/ my-hub/
  $ edih apply diff --git HEAD~1 my-hub          what changed since the last commit
  $ edih apply diff --git v1-sent . --format json
`)
    .action(ctx.act(async (oldArg: string, newArg: string | undefined, opts: { git?: string; format: "text" | "json" }) => {
      const { runDiff } = await import("./diff-run.js");
      return runDiff(oldArg, newArg, opts, ctx.io);
    }));
}
