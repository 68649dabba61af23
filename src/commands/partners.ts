import type { Command } from "commander";
import { EXIT } from "../errors.js";
import { fromCwd, type CommandContext } from "../workflow/io.js";
import { choiceOption } from "../workflow/options.js";

interface AddOptions {
  yes?: boolean; id?: string; nameBg?: string; nameEn?: string; legalForm?: string; type?: string;
  legalFormName?: string; roles?: string; city?: string; nuts3?: string; councilNumber?: string; councilDate?: string;
  eik?: string; vat?: string; pic?: string;
}

export function registerPartners(ctx: CommandContext, parent: Command): void {
  const { io } = ctx;
  const partners = parent.command("partners")
    .description("list, show, add and remove the partners of an application")
    .addHelpText("after", `
Examples:
  $ edih partners list my-hub
  $ edih partners show trakia-university my-hub
  $ edih partners add my-hub --name-bg "Тракийски университет" --name-en "Trakia University" \\
      --legal-form state-university --type higher-education --roles founder,beneficiary --nuts3 BG344
  $ edih partners remove pro-drone-sys my-hub
(The folder is the last argument, as in every command; --dir <folder> still works.)
`);

  partners.command("list")
    .description("a table of the partners: id, name, type, seat region, roles, identifiers present")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .addOption(choiceOption("--format <format>", "text or json", ["text", "json"], "text"))
    .addOption(choiceOption("--lang <lang>", "language of the names: bg or en", ["bg", "en"], "en"))
    .addHelpText("after", `
REGION says whether the seat (NUTS 3) lies in the hub's NUTS 2 region, or only a branch does.
ЕИК/PIC/VAT: ✓ given, – still missing (no ЕИК column mark for a partner seated outside Bulgaria: none is asked).

Example:
  $ edih partners list my-hub --format json
`)
    .action(ctx.act(async (dir: string, opts: { format: "text" | "json"; lang: "bg" | "en" }) => {
      const { requireApplicationDir } = await import("./partners-run.js");
      const root = fromCwd(io, dir);
      requireApplicationDir(root, dir);
      const { listPartners, partnersTable, hubRegion } = await import("../workflow/partners.js");
      const rows = listPartners(root, opts.lang);
      io.stdout.write(opts.format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : partnersTable(rows, hubRegion(root)));
      return EXIT.ok;
    }));

  partners.command("show")
    .description("print one partner's data and the file it comes from")
    .argument("<id>", "the partner's id")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .addOption(choiceOption("--format <format>", "yaml or json", ["yaml", "json"], "yaml"))
    .addHelpText("after", `
Example:
  $ edih partners show trakia-university my-hub
`)
    .action(ctx.act(async (id: string, dir: string, opts: { format: "yaml" | "json" }) => {
      const { showPartner } = await import("./partners-run.js");
      io.stdout.write(showPartner(fromCwd(io, dir), dir, id, opts.format));
      return EXIT.ok;
    }));

  partners.command("add")
    .description("add a partner: writes partners/<id>.yaml (asks on a terminal, or takes flags)")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .option("-y, --yes", "take defaults for questions not answered by a flag; never prompt")
    .option("--id <id>", "kebab-case id (default: from the English name)")
    .option("--name-bg <text>", "name in Bulgarian (asked only when the application's languages include bg)")
    .option("--name-en <text>", "name in English (asked only when the application's languages include en)")
    .option("--legal-form <id>", "legal form: ood, eood, ad, association, municipality, state-university, ..., other")
    .option("--legal-form-name <text>", "with --legal-form other: the form's own name, e.g. GmbH, associação")
    .option("--type <type>", "public-authority, higher-education, research-organisation, business-association, chamber, cluster, regional-agency, enterprise, ngo")
    .option("--roles <list>", "comma-separated: founder, coordinator, beneficiary, affiliated-entity, associated-partner (default founder)")
    .option("--nuts3 <code>", "NUTS 3 region of the seat, e.g. BG344 (default: the hub's seat)")
    .option("--city <name>", "city of the seat")
    .option("--eik <code>", "ЕИК/БУЛСТАТ, 9 or 13 digits (Bulgarian partners only; checked as typed)")
    .option("--vat <number>", "VAT number with its country prefix, e.g. BG175074752, IT00743110157 (checked as typed)")
    .option("--pic <code>", "PIC, 9 digits (Participant Register of the Funding & Tenders Portal)")
    .option("--council-number <no>", "a municipal founder's council decision: its number")
    .option("--council-date <date>", "a municipal founder's council decision: its date (YYYY-MM-DD)")
    .addHelpText("after", `
Identifiers are checked as typed: ЕИК/БУЛСТАТ (asked of Bulgarian partners only), VAT (the seat
country's prefix and check digits), PIC. What is not known yet is written as null: fill it in the file
later. A Bulgarian municipality that co-founds the association is asked for its council decision
(ЗМСМА чл. 21). The country of the seat comes from its NUTS 3 code.

Example:
  $ edih partners add my-hub --yes --name-bg "Про Дрон Сис ООД" --name-en "Pro Drone Sys" \\
      --legal-form ood --type enterprise --nuts3 BG411 --city София
  $ edih partners add my-hub --yes --name-bg "Община Ямбол" --name-en "Municipality of Yambol" \\
      --legal-form municipality --type public-authority --nuts3 BG343 --city Ямбол \\
      --council-number 123 --council-date 2021-02-25
  $ edih partners add porto-hub --yes --name-en "Instituto de Exemplo" --legal-form other \
      --type research-organisation --nuts3 PT11A --city Porto --vat PT510000002 --pic 999999996
`)
    .action(ctx.act(async (dir: string, opts: AddOptions) => {
      const { runAdd } = await import("./partners-run.js");
      return runAdd({ ...opts, dir }, io);
    }));

  partners.command("remove")
    .description("remove a partner; refuses while the budget, work plan or services still name it")
    .argument("<id>", "the partner's id")
    .argument("[dir]", "application folder holding edih.yaml", ".")
    .option("--force", "remove even though it is referenced (validate will then report each reference)")
    .addHelpText("after", `
Example:
  $ edih partners remove pro-drone-sys my-hub
  edih.yaml:88:16  budget line 4 (budget.lines.3.partner)   ← fix these first, or use --force
`)
    .action(ctx.act(async (id: string, dir: string, opts: { force?: boolean }) => {
      const { runRemove } = await import("./partners-run.js");
      return runRemove(id, dir, !!opts.force, io);
    }));
}
