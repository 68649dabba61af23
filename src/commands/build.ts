import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerBuild(parent: Command, ..._rest: Command[]): void {
  parent.command("build").description("(not yet implemented)").action(() => {
    process.stderr.write("edih build: not implemented yet\n");
    process.exitCode = 3;
  });
}
