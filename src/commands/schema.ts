import type { Command } from "commander";
import { EXIT } from "../errors.js";
import { fromCwd, type CommandContext } from "../workflow/io.js";

export function registerSchema(ctx: CommandContext, parent: Command): void {
  parent.command("schema")
    .description("print the JSON Schema of edih.yaml (or of a partners/<id>.yaml file) for editor completion and checks")
    .option("--partner", "the schema of one partner file (partners/<id>.yaml) instead of edih.yaml")
    .option("--out <file>", "write the schema to a file instead of standard output")
    .addHelpText("after", `
The schema is generated from the same definitions edih validates with (cross-field rules such as
"the budget references a known partner" are checked only by \`edih apply validate\`).

Examples:
  $ edih schema --out .edih/schema.json
  $ edih schema --partner --out .edih/partner.schema.json
  then put on the first line of edih.yaml (VS Code + the YAML extension):
  # yaml-language-server: $schema=.edih/schema.json
`)
    .action(ctx.act(async (opts: { partner?: boolean; out?: string }) => {
      const { applicationJsonSchema, partnerJsonSchema, schemaText } = await import("../workflow/json-schema.js");
      const text = schemaText(opts.partner ? partnerJsonSchema() : applicationJsonSchema());
      if (opts.out) {
        const { writeFileAtomic } = await import("../write-atomic.js");
        writeFileAtomic(fromCwd(ctx.io, opts.out), text);
        ctx.io.stderr.write(`wrote ${opts.out}\n`);
      } else {
        ctx.io.stdout.write(text);
      }
      return EXIT.ok;
    }));
}
