import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerStatus(parent: Command, ..._rest: Command[]): void {
  parent.command("status").description("(not yet implemented)").action(() => {
    process.stderr.write("edih status: not implemented yet\n");
    process.exitCode = 3;
  });
}
