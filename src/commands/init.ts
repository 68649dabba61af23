import type { Command } from "commander";
import type { CommandContext } from "../workflow/io.js";

interface InitOptions {
  example?: string; yes?: boolean; call?: string; nameBg?: string; nameEn?: string; acronym?: string;
  country?: string; region?: string; languages?: string; technologies?: string; duration?: string;
  legalForm?: string; legalFormName?: string; publicBenefit?: boolean; city?: string; nuts3?: string; partners?: boolean;
  coordinator?: string; service?: string[]; eik?: string; vat?: string; pic?: string;
}

/** Repeatable option: each occurrence adds one value (undefined while none is given). */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerInit(ctx: CommandContext, parent: Command): void {
  parent.command("init")
    .description("create a new application folder: edih.yaml, partners/<id>.yaml and editor schemas")
    .argument("[dir]", "folder to create the application in", ".")
    .option("--example <name>", "copy a bundled example instead (zagore)")
    .option("-y, --yes", "take the default for every question not answered by a flag; never prompt")
    .option("--call <id>", "call pack id, e.g. DIGITAL-2021-EDIH-01")
    .option("--acronym <text>", "the hub's acronym, e.g. ZAGORE")
    .option("--name-bg <text>", "the hub's name in Bulgarian")
    .option("--name-en <text>", "the hub's name in English")
    .option("--country <code>", "country of the hub (NUTS country code; default: the --region's, else BG)", undefined)
    .option("--region <nuts2>", "NUTS 2 region the hub covers, e.g. BG34")
    .option("--languages <list>", "languages of the documents, comma-separated: bg,en (default bg,en in Bulgaria, en elsewhere)")
    .option("--technologies <list>", "capacities offered, comma-separated: ai,hpc,cybersecurity,advanced-digital-skills")
    .option("--duration <months>", "project duration in months (default: the call's)")
    .option("--legal-form <id>", "legal form of the hub's entity (default association in Bulgaria, other elsewhere)")
    .option("--legal-form-name <text>", "with --legal-form other: the form's own name, e.g. associazione riconosciuta")
    // Both forms defined, so "not given" stays undefined and the question is asked.
    .option("--public-benefit", "the hub's entity is for public benefit (default)")
    .option("--no-public-benefit", "the hub's entity is not for public benefit")
    .option("--city <name>", "city of the hub's seat")
    .option("--nuts3 <code>", "NUTS 3 region of the hub's seat, e.g. BG344")
    .option("--eik <code>", "ЕИК/БУЛСТАТ of the hub's entity once registered (Bulgaria only)")
    .option("--vat <number>", "VAT number of the hub's entity, with its country prefix")
    .option("--pic <code>", "PIC of the hub's entity, 9 digits")
    .option("--no-partners", "do not ask for partners (add them later with `edih partners add`)")
    .option("--coordinator <partner-id>", "the partner that submits the EU proposal (gets the role coordinator); `none` where the call has no coordinator")
    .option("--service <spec>", "a service, repeatable: <family>=<title>@<provider>[,<provider>]; families: test-before-invest, skills-and-training, support-to-find-investments, ecosystem-and-networking", collect)
    .addHelpText("after", `
Asks one question at a time on a terminal; every question has a flag, so scripts never need one.
On a terminal it asks for the partners (a municipal founder's council decision too), the
coordinator and at least one service in each of the four families. Partner data in scripts comes
from \`edih partners add\` after init: --coordinator and --service may name partners added then.
At the end init runs the validation and lists what \`edih apply validate\` will still ask for.
Refuses to touch a folder that already holds an application (edih.yaml or partners/*.yaml).
Also writes .edih/schema.json and .edih/partner.schema.json: the first line of each YAML file
points there, so VS Code (YAML extension) completes keys and flags mistakes offline.

Examples:
  $ edih init my-hub                                   answer the questions
  $ edih init my-hub --example zagore                  start from the bundled EDIH Zagore
  $ edih init my-hub --yes --acronym ZAGORE --region BG34 --nuts3 BG344 --city "Стара Загора"
  $ edih init my-hub --yes --region BG34 --coordinator trakia-university \\
      --service "test-before-invest=AI test lab@trakia-university" \\
      --service "skills-and-training=Digital skills academy@trakia-university,chamber-stara-zagora" ...
  $ edih partners add my-hub --id trakia-university --roles founder,coordinator ...
`)
    .action(ctx.act(async (dir: string, opts: InitOptions) => {
      const { runInit } = await import("./init-run.js");
      return runInit(dir, opts, ctx.io);
    }));
}
