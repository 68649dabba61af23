// The only module that calls process.exit: commands return exit codes, libraries return values.
import { CommanderError } from "commander";
import { buildProgram } from "./cli.js";
import { EXIT, UsageError } from "./errors.js";

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here too, with exitCode 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`edih: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ""}`);
      return EXIT.usage;
    }
    const debug = argv.includes("--debug") || process.env.EDIH_DEBUG === "1";
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`edih: internal error: ${message}\n` +
      (debug && err instanceof Error ? `${err.stack}\n` : "  This is a bug in edih. Run again with --debug for details and report it with the output.\n"));
    return EXIT.internal;
  }
}

main(process.argv).then(
  (code) => process.exit(code),
  () => process.exit(EXIT.internal),
);
