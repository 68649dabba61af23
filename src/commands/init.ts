import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerInit(parent: Command, ..._rest: Command[]): void {
  parent.command("init").description("(not yet implemented)").action(() => {
    process.stderr.write("edih init: not implemented yet\n");
    process.exitCode = 3;
  });
}
