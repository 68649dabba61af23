import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerValidate(parent: Command, ..._rest: Command[]): void {
  parent.command("validate").description("(not yet implemented)").action(() => {
    process.stderr.write("edih validate: not implemented yet\n");
    process.exitCode = 3;
  });
}
