import type { Command } from "commander";

// Placeholder until the command lands: registered so the command tree is complete.
export function registerRules(parent: Command, ..._rest: Command[]): void {
  parent.command("rules").description("(not yet implemented)").action(() => {
    process.stderr.write("edih rules: not implemented yet\n");
    process.exitCode = 3;
  });
}
