// `edih rules`: lists every rule with its default severity, description and source; with --call,
// the severity and options that call pack applies. The registry is imported inside the action.
import type { Command } from "commander";
import { EXIT, UsageError } from "../errors.js";
import type { CommandContext } from "../workflow/io.js";
import { choiceOption } from "../workflow/options.js";

const HELP_AFTER = `
A rule marked [unconfirmed] rests on a fact the sources do not confirm; such rules default to
warnings. A call pack (data/calls/<id>.yaml) decides which rules run and how severe they are.

Examples:
  $ edih rules                                   every rule, its default severity and source
  $ edih rules --call BG-EDIH-PRESELECTION-2021  what the national pre-selection applies
  $ edih rules --format json                     the same list for scripts
`;

interface RulesFlags {
  call?: string;
  callsDir?: string;
  format: "text" | "json";
}

export function registerRules(ctx: CommandContext, parent: Command): void {
  parent.command("rules")
    .description("list the checks edih runs: id, severity, description and the clause or law behind each")
    .option("--call <id>", "show the severities and options this call pack applies")
    .option("--calls-dir <folder>", "a folder of your own call packs, read before the bundled ones (docs/CALL-PACKS.md)")
    .addOption(choiceOption("--format <format>", "output format", ["text", "json"], "text"))
    .addHelpText("after", HELP_AFTER)
    .exitOverride()
    .action(ctx.act(async (flags: RulesFlags) => {
      ctx.io.stdout.write(await renderRules(flags));
      return EXIT.ok;
    }));
}

export async function renderRules(flags: RulesFlags): Promise<string> {
  const [{ RULES }, { loadCallPack }, { effectiveRules, sourceText }] = await Promise.all([
    import("../rules/index.js"), import("../calls/index.js"), import("../calls/check.js"),
  ]);
  let pack;
  if (flags.call !== undefined) {
    const loaded = loadCallPack(flags.call, flags.callsDir !== undefined ? { dir: flags.callsDir } : undefined);
    if (!loaded.pack) {
      const d = loaded.diagnostics[0];
      throw new UsageError(d?.message ?? `call pack ${flags.call} cannot be loaded`, d?.hint?.startsWith("did you mean") ? d.hint : "pass one of the known call ids to --call");
    }
    pack = loaded.pack;
  }
  const effective = pack ? new Map(effectiveRules(pack).map((e) => [e.rule.meta.id, e])) : undefined;

  if (flags.format === "json") {
    const list = RULES.map((r) => {
      const e = effective?.get(r.meta.id);
      return {
        id: r.meta.id,
        description: r.meta.description,
        defaultSeverity: r.meta.defaultSeverity,
        source: r.meta.source.text,
        confirmed: r.meta.source.confirmed,
        ...(r.meta.facts ? { facts: r.meta.facts } : {}),
        ...(r.meta.docs ? { docs: r.meta.docs } : {}),
        defaultOptions: r.options.parse({}),
        ...(e ? { call: { id: pack!.id, severity: e.severity, reason: e.reason, options: e.severity === "off" ? {} : r.options.parse(e.options) } } : {}),
      };
    });
    return JSON.stringify(pack ? { call: pack.id, stage: pack.stage, rules: list } : { rules: list }, null, 2) + "\n";
  }

  const idWidth = Math.max(...RULES.map((r) => r.meta.id.length));
  const lines: string[] = [];
  if (pack) {
    lines.push(`Rules of call ${pack.id} (${pack.stage} stage${pack.extends.length ? `, extends ${pack.extends.join(" → ")}` : ""}):`, "");
  } else {
    lines.push(`${RULES.length} rules (default severities; a call pack may change them, see --call):`, "");
  }
  for (const r of RULES) {
    const e = effective?.get(r.meta.id);
    const sev = e ? e.severity : r.meta.defaultSeverity;
    lines.push(`${r.meta.id.padEnd(idWidth)}  ${sev.padEnd(7)}  ${r.meta.description}`);
    const pad = " ".repeat(idWidth + 11);
    if (e && e.reason !== "default" && e.reason !== "call pack" && e.severity !== "off") lines.push(`${pad}(${e.reason}; default ${r.meta.defaultSeverity})`);
    if (e && e.severity !== "off" && Object.keys(e.options).length > 0) lines.push(`${pad}options: ${JSON.stringify(e.options)}`);
    lines.push(`${pad}source: ${sourceText(r)}`);
  }
  return lines.join("\n") + "\n";
}
