// `edih apply build [dir]`: flags and help only; the builder (and docx/pdf) load inside the action.
import type { Command } from "commander";
import type { CommandContext } from "../workflow/io.js";
import { choiceOption, itemsOption, listOption } from "../workflow/options.js";

const HELP_AFTER = `
Validates the application first: errors stop the build with the same report as \`validate\`,
unless --draft, which builds anyway and marks every page "DRAFT — N errors".
Writes out/<lang>/<document>.docx and .pdf, out/package-<lang>.pdf (every PDF of the language
with a bookmark each) and out/manifest.json (hashes of inputs and outputs).

Rebuilds only what changed (data used by the document, its template, the edih version). A file
in out/ that was edited by hand is never overwritten: the build names it and says how to keep
or discard the edit; --force overwrites. A file to be rewritten whose writers would be given
exactly what made the file already there keeps its bytes (manifest.json's render key), as does
one this process laid out before (--watch); --no-reuse lays every such file out again.

One build at a time writes a folder: a second build started while one runs stops at once with
exit 1 and names the running one (pid, host, start time); --watch holds the lock only while it
rebuilds. A lock left by a build that was killed is broken automatically when its process is gone.

Exit codes: 0 built, 1 invalid data or an output kept because it was edited, 2 wrong usage.

Examples:
  $ edih apply build examples/zagore                   the whole package, every language
  $ edih apply build my-hub --only statute --lang bg   one document in one language
  $ edih apply build my-hub --draft                    build despite errors, pages marked DRAFT
  $ edih apply build my-hub --watch --verbose          rebuild on every save, with the time from the save to the PDFs
  $ edih apply build my-hub --dry-run --verbose        what a build would do to each file
`;

export interface BuildFlags {
  out?: string;
  lang?: string[];
  only?: string[];
  stage: "draft" | "submission";
  call?: string;
  callsDir?: string;
  format: "docx" | "pdf" | "both";
  draft?: boolean;
  force?: boolean;
  /** false with --no-reuse. */
  reuse?: boolean;
  allowOutside?: boolean;
  watch?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  dryRun?: boolean;
}

export function registerBuild(ctx: CommandContext, apply: Command): void {
  apply.command("build")
    .description("render the application package (DOCX and PDF, every language) from the folder's data")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .option("--out <dir>", "output folder (default: <dir>/out)")
    // `--lang ''` or `--only ,,,` would build nothing and exit 0: a silent no-op, so a usage error.
    .addOption(listOption("--lang <lang>", "only this language (repeat or comma-separate)", ["bg", "en"]))
    .addOption(itemsOption("--only <document>", "only this document id, e.g. statute (repeat or comma-separate)",
      "e.g. --only statute; `edih apply status --verbose` lists the documents"))
    .addOption(choiceOption("--stage <stage>", "draft tolerates missing identifiers; submission does not", ["draft", "submission"], "draft"))
    .option("--call <id>", "build for this call pack instead of the application's `call:`")
    .option("--calls-dir <folder>", "a folder of your own call packs (<id>.yaml), read before the bundled ones (docs/CALL-PACKS.md)")
    .addOption(choiceOption("--format <format>", "which files to write", ["docx", "pdf", "both"], "both"))
    .option("--draft", "build even with errors; every page is marked DRAFT — N errors")
    .option("--force", "overwrite outputs that were edited by hand")
    .option("--no-reuse", "lay out every file written again, even where its writers' input is unchanged")
    .option("--dry-run", "print what the build would do to each file (as `apply status`), write nothing")
    .option("--allow-outside", "allow --out outside the application folder")
    .option("-w, --watch", "rebuild on every save, PDFs of the documents you write in first (Ctrl-C to stop)")
    .option("-q, --quiet", "print errors only")
    .option("--verbose", "list every file written (default: one line per document)")
    .option("--json", "print the build report as JSON")
    .addHelpText("after", HELP_AFTER)
    .exitOverride()
    .action(ctx.act(async (dir: string, flags: BuildFlags) => {
      const { runBuild, watchBuild } = await import("./build-run.js");
      return flags.watch ? watchBuild(dir, flags, ctx.io) : runBuild(dir, flags, ctx.io);
    }));
}
