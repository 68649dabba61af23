import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerDiff(parent: Command, ..._rest: Command[]): void {
  parent.command("diff").description("(not yet implemented)").action(() => {
    process.stderr.write("edih diff: not implemented yet\n");
    process.exitCode = 3;
  });
}
