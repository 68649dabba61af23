import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerPartners(parent: Command, ..._rest: Command[]): void {
  parent.command("partners").description("(not yet implemented)").action(() => {
    process.stderr.write("edih partners: not implemented yet\n");
    process.exitCode = 3;
  });
}
