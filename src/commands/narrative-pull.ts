// `edih narrative pull FILE.docx… [--dir DIR]`: flags and help only; the reader loads inside the action.
import type { Command } from "commander";
import { EXIT } from "../errors.js";
import type { CommandContext } from "../workflow/io.js";

const HELP_AFTER = `
Reads DOCX files that edih built and a person edited in Word or LibreOffice (a whole out/ folder
or one document a partner sent back by e-mail) and writes each slot's text to
narrative/<document>/[<partner>/]<slot>.<lang>.md, as Markdown. One line per slot:
  unchanged                 the slot holds what it held when the DOCX was built
  new / updated (+N −M words)  written to the narrative file
Rules:
  - a narrative file changed since the DOCX was built is not overwritten (--force takes the DOCX);
  - tracked changes stop the file (accept or reject them, or --accept-changes);
  - comments are listed per slot;
  - text typed outside the slots is reported with the nearest heading and stops the file
    (--ignore-outside pulls the slots anyway; that text is not kept);
  - a file that is not a DOCX, a .docm, an encrypted file or a DOCX edih did not build is refused.
Nothing is written from a file that is refused. Then \`edih apply build\` puts the text in every document.

Exit codes: 0 pulled, 1 something not pulled (reasons above), 2 wrong usage.

Examples:
  $ edih narrative pull out/en/part-b.docx --dir .
  $ edih narrative pull ~/Downloads/declaration-trakia-university.docx --dir my-hub
`;

interface PullFlags {
  dir: string;
  force?: boolean;
  acceptChanges?: boolean;
  ignoreOutside?: boolean;
}

export function registerNarrativePull(ctx: CommandContext, narrative: Command): void {
  narrative.command("pull")
    .description("bring text written in Word or LibreOffice back into the narrative files")
    .argument("<files...>", "DOCX files built by edih and edited")
    .option("--dir <dir>", "application folder holding edih.yaml", ".")
    .option("--force", "take the DOCX even where the narrative file changed since it was built")
    .option("--accept-changes", "accept tracked changes (insertions kept, deletions dropped)")
    .option("--ignore-outside", "pull the slots even though text was typed outside them (that text is not kept)")
    .addHelpText("after", HELP_AFTER)
    .exitOverride()
    .action(ctx.act(async (files: string[], flags: PullFlags) => {
      const { pullNarrative, formatPull } = await import("../narrative/pull.js");
      const { resolve } = await import("node:path");
      const { io } = ctx;
      const cwd = io.cwd;
      const report = pullNarrative(files, { dir: flags.dir, force: flags.force ?? false, acceptChanges: flags.acceptChanges ?? false,
        ignoreOutside: flags.ignoreOutside ?? false, cwd });
      io.stdout.write(formatPull(report, cwd, resolve(cwd, flags.dir)));
      for (const f of report.files) for (const e of f.errors) io.stderr.write(`edih: ${e}\n`);
      return report.ok ? EXIT.ok : EXIT.invalid;
    }));
}
