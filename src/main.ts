// The only module that calls process.exit: commands return exit codes, libraries return values.
// Everything else of the process (its streams, folder, environment, terminal) reaches the
// commands through the CommandIO given to runCli here.
import "./schema/zod-setup.js"; // first: it applies to schemas made after it
import { runCli, type CommandIO } from "./cli.js";
import { environmentMessage, EXIT } from "./errors.js";

/**
 * Ctrl-C outside a prompt (during a build or a validation): every file edih writes goes through a
 * synchronous temp-and-rename, and this handler runs between such steps, so stopping here leaves
 * each file whole, old or new. A command that listens itself (`build --watch`, where Ctrl-C is
 * the way to stop) handles it instead.
 */
function onInterrupt(): void {
  if (process.listenerCount("SIGINT") > 1) return;
  process.stderr.write("edih: cancelled\n");
  process.exitCode = EXIT.cancelled;
  process.exit(EXIT.cancelled);
}

const processIO: CommandIO = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  terminal: { input: process.stdin, output: process.stdout },
};

/**
 * Exit once everything written has reached the pipe: process.exit() right after a large write
 * to a pipe drops what is still buffered (a 200-partner JSON report was cut at 64 KiB).
 */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let open = 2;
  let failed: NodeJS.ErrnoException | null | undefined;
  const done = () => {
    if (--open > 0) return;
    failed ??= process.stdout.errored as NodeJS.ErrnoException | null;
    if (failed) outputFailed(failed);
    process.exit(code);
  };
  process.stdout.write("", (err) => { failed = err; done(); });
  process.stderr.write("", done);
}

/**
 * A failed write of the command's output (a full disk, a closed pipe) is a failed command: the
 * user asked for output and did not get it. stdout to a file writes synchronously and throws
 * inside the command (handled by runCli); to a pipe the error arrives here.
 */
function outputFailed(err: NodeJS.ErrnoException): never {
  try {
    process.stderr.write(`edih: could not write the output: ${environmentMessage(err)?.message.replace(/^a file operation failed: /, "") ?? err.message}\n`);
  } finally {
    process.exit(EXIT.invalid);
  }
}
process.stdout.on("error", outputFailed);
process.on("SIGINT", onInterrupt);

runCli(process.argv.slice(2), processIO).then(exitAfterFlush, () => exitAfterFlush(EXIT.internal));
