// The only module that calls process.exit: commands return exit codes, libraries return values.
import { CommanderError } from "commander";
import { buildProgram, folderAsArgument } from "./cli.js";
import { EXIT, UsageError } from "./errors.js";

/** Ctrl-C typed at a prompt: @inquirer/prompts rejects with this error (the terminal is in raw mode, so no SIGINT). */
const isPromptCancel = (err: unknown): boolean => err instanceof Error && err.name === "ExitPromptError";

function cancelled(): number {
  process.stderr.write("edih: cancelled\n");
  return EXIT.cancelled;
}

/**
 * Ctrl-C outside a prompt (during a build or a validation): every file edih writes goes through a
 * synchronous temp-and-rename, and this handler runs between such steps, so stopping here leaves
 * each file whole, old or new. A command that listens itself (`build --watch`, where Ctrl-C is
 * the way to stop) handles it instead.
 */
function onInterrupt(): void {
  if (process.listenerCount("SIGINT") > 1) return;
  process.exitCode = cancelled();
  process.exit(EXIT.cancelled);
}

async function main(argv: string[]): Promise<number> {
  process.on("SIGINT", onInterrupt);
  const program = buildProgram();
  try {
    await program.parseAsync(folderAsArgument(argv));
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here too, with exitCode 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isPromptCancel(err)) return cancelled();
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

/**
 * Exit once everything written has reached the pipe: process.exit() right after a large write
 * to a pipe drops what is still buffered (a 200-partner JSON report was cut at 64 KiB).
 */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let open = 2;
  const done = () => {
    if (--open === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

main(process.argv).then(exitAfterFlush, () => exitAfterFlush(EXIT.internal));
