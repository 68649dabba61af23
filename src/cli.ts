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
import { registerNarrativePull } from "./commands/narrative-pull.js";
import { UsageError } from "./errors.js";
import { toolVersion } from "./version.js";


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
    .exitOverride();
  registerValidate(apply, program);
  registerBuild(apply);
  registerStatus(apply);
  registerDiff(apply);
  registerRules(program);
  registerInit(program);
  registerPartners(program);
  registerSchema(program);
  const narrative = program.command("narrative").description("the consultant's own text: narrative files and the Word round trip")
    .exitOverride();
  registerNarrativePull(narrative);
  return program;
}

/** Commander gives strings; options with a fixed set of values are checked here, as usage errors. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}
