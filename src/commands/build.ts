// `edih apply build [dir]`: flags and help only; the builder (and docx/pdf) load inside the action.
import { Option, type Command } from "commander";
import { UsageError } from "../errors.js";

const HELP_AFTER = `
Validates the application first: errors stop the build with the same report as \`validate\`,
unless --draft, which builds anyway and marks every page "DRAFT — N errors".
Writes out/<lang>/<document>.docx and .pdf, out/package-<lang>.pdf (every PDF of the language
with a bookmark each) and out/manifest.json (hashes of inputs and outputs).

Rebuilds only what changed (data used by the document, its template, the edih version). A file
in out/ that was edited by hand is never overwritten: the build names it and says how to keep
or discard the edit; --force overwrites.

Exit codes: 0 built, 1 invalid data or an output kept because it was edited, 2 wrong usage.

Examples:
  $ edih apply build examples/zagore                   the whole package, every language
  $ edih apply build my-hub --only statute --lang bg   one document in one language
  $ edih apply build my-hub --draft                    build despite errors, pages marked DRAFT
  $ edih apply build my-hub --watch                    rebuild on every save
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
  allowOutside?: boolean;
  watch?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
}

const collect = (value: string, prev: string[] = []) => [...prev, ...value.split(",").map((s) => s.trim()).filter(Boolean)];

export function registerBuild(apply: Command): void {
  apply.command("build")
    .description("render the application package (DOCX and PDF, every language) from the folder's data")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .option("--out <dir>", "output folder (default: <dir>/out)")
    .option("--lang <lang>", "only this language (repeat or comma-separate)", collect)
    .option("--only <document>", "only this document id, e.g. statute (repeat or comma-separate)", collect)
    .addOption(new Option("--stage <stage>", "draft tolerates missing identifiers; submission does not").choices(["draft", "submission"]).default("draft"))
    .option("--call <id>", "build for this call pack instead of the application's `call:`")
    .option("--calls-dir <folder>", "a folder of your own call packs (<id>.yaml), read before the bundled ones (docs/CALL-PACKS.md)")
    .addOption(new Option("--format <format>", "which files to write").choices(["docx", "pdf", "both"]).default("both"))
    .option("--draft", "build even with errors; every page is marked DRAFT — N errors")
    .option("--force", "overwrite outputs that were edited by hand")
    .option("--allow-outside", "allow --out outside the application folder")
    .option("-w, --watch", "rebuild on every save (Ctrl-C to stop)")
    .option("-q, --quiet", "print errors only")
    .option("--verbose", "list every file written (default: one line per document)")
    .option("--json", "print the build report as JSON")
    .addHelpText("after", HELP_AFTER)
    .exitOverride()
    .action(async (dir: string, flags: BuildFlags) => {
      for (const l of flags.lang ?? []) if (l !== "bg" && l !== "en") throw new UsageError(`--lang must be bg or en (got "${l}")`);
      const { runBuild, watchBuild } = await import("./build-run.js");
      process.exitCode = flags.watch ? await watchBuild(dir, flags) : await runBuild(dir, flags);
    });
}
