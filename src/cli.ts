// Declares the command tree and runs it. Each command file only registers flags and help here and
// loads its library lazily inside the action, so `edih --help` and `validate` never load docx/pdf
// modules. runCli is the whole CLI minus the process: main.ts gives it the process's streams and
// exits with what it returns; tests give it their own streams and run every command in-process.
import { Command, CommanderError } from "commander";
import { registerValidate } from "./commands/validate.js";
import { registerBuild } from "./commands/build.js";
import { registerStatus } from "./commands/status.js";
import { registerDiff } from "./commands/diff.js";
import { registerRules } from "./commands/rules.js";
import { registerInit } from "./commands/init.js";
import { registerPartners } from "./commands/partners.js";
import { registerSchema } from "./commands/schema.js";
import { registerNarrative } from "./commands/narrative.js";
import { registerNarrativePull } from "./commands/narrative-pull.js";
import { environmentMessage, EXIT, StateError, UsageError } from "./errors.js";
import { toolVersion } from "./domain/install.js";
import { colorFor, type CommandContext, type CommandIO } from "./workflow/io.js";

export type { CommandIO };

export function buildProgram(ctx: CommandContext): Command {
  const { io } = ctx;
  const program = new Command("edih")
    .description("Build grant applications for European Digital Innovation Hubs (Digital Europe 2021-2027):\n" +
      "load the consortium's YAML, check it against the call's eligibility rules, render DOCX and PDF.")
    .version(toolVersion(), "-V, --version")
    .option("--debug", "print stack traces of internal errors")
    .showSuggestionAfterError(true)
    .exitOverride()
    // Inherited by every command declared below: help, --version and commander's own errors go to the injected streams.
    .configureOutput({
      writeOut: (str) => { io.stdout.write(str); },
      writeErr: (str) => { io.stderr.write(str); },
      outputError: (str, write) => write(str),
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns ?? 80 : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns ?? 80 : 80),
      getOutHasColors: () => colorFor(io, io.stdout),
      getErrHasColors: () => colorFor(io, io.stderr),
    })
    .addHelpText("after", `
Examples:
  $ edih init my-hub --example zagore      start from the bundled EDIH Zagore application
  $ edih apply validate my-hub             check eligibility, with file:line:column for each problem
  $ edih apply build my-hub --out out      write every document as DOCX and PDF
`);

  const apply = program.command("apply").description("validate, build and compare an application folder")
    .exitOverride()
    .addHelpText("after", `
The application folder is the last argument of every command (default: the current folder).

Examples:
  $ edih apply validate my-hub                      every problem as file:line:column
  $ edih apply validate my-hub --stage submission   missing identifiers and content become errors
  $ edih apply build my-hub                         the whole package, every language, DOCX and PDF
  $ edih apply build my-hub --only part-b --lang en one document in one language
  $ edih apply status my-hub                        which outputs are stale or edited by hand
  $ edih apply diff --git HEAD my-hub               what changed since the last commit
`);
  registerValidate(ctx, apply, program);
  registerBuild(ctx, apply);
  registerStatus(ctx, apply);
  registerDiff(ctx, apply);
  registerRules(ctx, program);
  registerInit(ctx, program);
  registerPartners(ctx, program);
  registerSchema(ctx, program);
  const narrative = registerNarrative(ctx, program);
  registerNarrativePull(ctx, narrative);
  return program;
}

/** Ctrl-C typed at a prompt: @inquirer/prompts rejects with this error (the terminal is in raw mode, so no SIGINT). */
const isPromptCancel = (err: unknown): boolean => err instanceof Error && err.name === "ExitPromptError";

/**
 * Runs `edih <args>` and returns its exit code. Everything it prints goes to io; nothing here
 * exits or sets process.exitCode, so it runs as well inside a test as in the edih process.
 */
export async function runCli(args: readonly string[], io: CommandIO): Promise<number> {
  let code: number = EXIT.ok;
  const ctx: CommandContext = {
    io,
    act: (action) => async (...values) => { code = await action(...values); },
  };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(folderAsArgument(args, io.stderr), { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here too, with exitCode 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isPromptCancel(err)) {
      io.stderr.write("edih: cancelled\n");
      return EXIT.cancelled;
    }
    if (err instanceof UsageError || err instanceof StateError) {
      io.stderr.write(`edih: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ""}`);
      return err instanceof UsageError ? EXIT.usage : EXIT.invalid;
    }
    const env = environmentMessage(err);
    if (env) {
      io.stderr.write(`edih: ${env.message}\n  hint: ${env.hint}\n`);
      return EXIT.invalid;
    }
    const debug = args.includes("--debug") || io.env.EDIH_DEBUG === "1";
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`edih: internal error: ${message}\n` +
      (debug && err instanceof Error ? `${err.stack}\n` : "  This is a bug in edih. Run again with --debug for details and report it with the output.\n"));
    return EXIT.internal;
  }
}

/** Commands whose application folder is their (last) argument; `--dir` is the older spelling for it. */
const FOLDER_COMMANDS = [
  ["apply", "validate"], ["apply", "build"], ["apply", "status"], ["validate"], ["init"],
  ["partners", "list"], ["partners", "show"], ["partners", "add"], ["partners", "remove"],
];

/**
 * Every command names the application folder the same way: as its last argument
 * (`edih partners list my-hub`, `edih apply build my-hub`). `--dir <folder>` — how `partners` used to
 * take it — still works: it is rewritten into the argument, with a note on stderr saying so.
 */
export function folderAsArgument(args: readonly string[], stderr: { write(s: string): unknown }): string[] {
  const words = args.filter((a) => !a.startsWith("-"));
  const command = FOLDER_COMMANDS.find((c) => c.every((w, i) => words[i] === w));
  if (!command) return [...args];
  const rest: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") { rest.push(...args.slice(i)); break; }
    if (a === "--dir" && i + 1 < args.length) { dir = args[++i]; continue; }
    if (a.startsWith("--dir=")) { dir = a.slice("--dir=".length); continue; }
    rest.push(a);
  }
  if (dir === undefined) return [...args];
  stderr.write(`edih: note: the folder is the last argument in every command (\`edih ${command.join(" ")} ${dir}\`); --dir still works\n`);
  const end = rest.indexOf("--");
  return end < 0 ? [...rest, dir] : [...rest.slice(0, end), dir, ...rest.slice(end)];
}
