import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerSchema(parent: Command, ..._rest: Command[]): void {
  parent.command("schema").description("(not yet implemented)").action(() => {
    process.stderr.write("edih schema: not implemented yet\n");
    process.exitCode = 3;
  });
}
