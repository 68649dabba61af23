// Declares the command tree. Each command file only registers flags and help here and loads its
// library lazily inside the action, so `edih --help` and `validate` never load docx/pdf modules.
import { Command } from "commander";
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
import { UsageError } from "./errors.js";
import { toolVersion } from "./domain/install.js";


export function buildProgram(): Command {
  const program = new Command("edih")
    .description("Build grant applications for European Digital Innovation Hubs (Digital Europe 2021-2027):\n" +
      "load the consortium's YAML, check it against the call's eligibility rules, render DOCX and PDF.")
    .version(toolVersion(), "-V, --version")
    .option("--debug", "print stack traces of internal errors")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) })
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
  registerValidate(apply, program);
  registerBuild(apply);
  registerStatus(apply);
  registerDiff(apply);
  registerRules(program);
  registerInit(program);
  registerPartners(program);
  registerSchema(program);
  const narrative = registerNarrative(program);
  registerNarrativePull(narrative);
  return program;
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
export function folderAsArgument(argv: readonly string[], stderr: { write(s: string): unknown } = process.stderr): string[] {
  const args = argv.slice(2);
  const words = args.filter((a) => !a.startsWith("-"));
  const command = FOLDER_COMMANDS.find((c) => c.every((w, i) => words[i] === w));
  if (!command) return [...argv];
  const rest: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") { rest.push(...args.slice(i)); break; }
    if (a === "--dir" && i + 1 < args.length) { dir = args[++i]; continue; }
    if (a.startsWith("--dir=")) { dir = a.slice("--dir=".length); continue; }
    rest.push(a);
  }
  if (dir === undefined) return [...argv];
  stderr.write(`edih: note: the folder is the last argument in every command (\`edih ${command.join(" ")} ${dir}\`); --dir still works\n`);
  const end = rest.indexOf("--");
  return [...argv.slice(0, 2), ...(end < 0 ? [...rest, dir] : [...rest.slice(0, end), dir, ...rest.slice(end)])];
}

/** Commander gives strings; options with a fixed set of values are checked here, as usage errors. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}
