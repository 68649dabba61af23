// The terminal side of `edih partners`: messages and exit codes around the partners library.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { EXIT, UsageError } from "../errors.js";
import { fromCwd, isInteractive, type CommandIO } from "../workflow/io.js";
import { Asker } from "../workflow/ask.js";
import { addPartner, findPartner, removePartner } from "../workflow/partners.js";
import { partnerEntries, readYamlFile } from "../workflow/project-files.js";
import { askPartner, type PartnerFlags } from "../workflow/questions.js";
import { LANGUAGES, type Language } from "../schema/common.js";

/** `root`: the folder resolved; `dir`: as typed, for the message. */
export function requireApplicationDir(root: string, dir = root): void {
  if (!existsSync(join(root, "edih.yaml"))) {
    throw new UsageError(`no edih.yaml in ${dir}`, "give the application folder as the last argument, or create one with `edih init`");
  }
}

export function showPartner(root: string, dir: string, id: string, format: "yaml" | "json"): string {
  requireApplicationDir(root, dir);
  const entry = findPartner(root, id);
  if (!entry) throw new UsageError(`no partner "${id}" in ${dir}`, `known: ${partnerEntries(root).map((e) => e.id).join(", ")}`);
  const where = `${entry.file.rel}:${entry.line}`;
  if (format === "json") return `${JSON.stringify({ file: where, partner: entry.data }, null, 2)}\n`;
  return `# ${where}\n${stringify(entry.data, { lineWidth: 0 })}`;
}

export async function runAdd(opts: PartnerFlags & { dir: string; yes?: boolean }, io: CommandIO): Promise<number> {
  const root = fromCwd(io, opts.dir);
  requireApplicationDir(root, opts.dir);
  const main = readYamlFile(root, "edih.yaml");
  const region = main?.doc.getIn(["hub", "region"]);
  const hubNuts3 = main?.doc.getIn(["hub", "legal_entity", "seat", "nuts3"]);
  // The application's languages decide which names are asked: an English-only one has no Bulgarian.
  const langs = main?.doc.toJS()?.languages as unknown;
  const languages = Array.isArray(langs) && langs.length > 0 ? langs.filter((l): l is Language => l === "bg" || l === "en") : [...LANGUAGES];
  const ask = new Asker({ interactive: isInteractive(io), yes: !!opts.yes, io });
  const partner = await askPartner(ask, opts, {
    region: typeof region === "string" ? region : undefined,
    defaultNuts3: typeof hubNuts3 === "string" ? hubNuts3 : undefined,
    takenIds: partnerEntries(root).map((e) => e.id),
    languages,
  });
  ask.assertComplete("partners add");
  const result = addPartner(root, partner);
  if (!result.ok) throw new UsageError(result.problem);
  io.stdout.write(`Added ${partner.id}: ${join(opts.dir, result.file)}\n` +
    missingIdentifiers(partner) + `Reference it as "${partner.id}" in the budget and work plan.\n`);
  return EXIT.ok;
}

/** Which identifiers are still null, so the consultant knows what to fill in later. */
function missingIdentifiers(p: { country: string; eik?: string | null; vat?: string | null; pic?: string | null }): string {
  const missing = [p.country === "BG" && p.eik == null ? "ЕИК" : "", p.pic == null ? "PIC" : "", p.vat == null ? "VAT" : ""].filter(Boolean);
  return missing.length > 0 ? `Fill in its ${missing.join(", ")} there once known (or give --${missing.map((m) => m === "ЕИК" ? "eik" : m.toLowerCase()).join(", --")}). ` : "";
}

export function runRemove(id: string, dir: string, force: boolean, io: CommandIO): number {
  const root = fromCwd(io, dir);
  requireApplicationDir(root, dir);
  const result = removePartner(root, id, force);
  const refs = result.references.map((r) => `  ${r.file}:${r.line}:${r.column}  ${r.what} (${r.path})\n`).join("");
  if (!result.ok) {
    if (result.references.length === 0) throw new UsageError(result.problem, `known: ${partnerEntries(root).map((e) => e.id).join(", ")}`);
    io.stderr.write(`edih: ${result.problem}; nothing was removed:\n${refs}` +
      "  hint: remove or reassign these first, or use --force and fix them after (`edih apply validate` lists them)\n");
    // A refusal, like init's: the command was not applicable as given (exit 2), the data is untouched.
    return EXIT.usage;
  }
  io.stdout.write(`Removed ${id} (${result.inline ? `its entry in ${result.file}` : result.file}).\n`);
  if (result.references.length > 0) {
    io.stdout.write(`These references to "${id}" remain and \`edih apply validate\` will report them:\n${refs}`);
  }
  return EXIT.ok;
}
