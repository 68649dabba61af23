import { readFileSync } from "node:fs";
import { deepFreeze } from "../domain/freeze.js";
import { join } from "node:path";
import { dataDir } from "../domain/install.js";

export interface NutsRegion {
  code: string;
  level: 1 | 2 | 3;
  /** Two-letter country code (the code's prefix). */
  country: string;
  /** Parent NUTS code; the country code for level 1. */
  parent: string;
  /** Label in the national language, as Eurostat gives it. */
  label: string;
  extraRegio: boolean;
  /** Bulgarian codes only: bg / Latin names [V]; en is a descriptive translation [I]. */
  names?: { bg: string; latn: string; en: string };
}

export interface NutsTable {
  version: string;
  source: string;
  get(code: string): NutsRegion | undefined;
  /** Regions one level below `code`. */
  children(code: string): NutsRegion[];
  all(): readonly NutsRegion[];
}

interface NutsFile {
  version: string;
  source: string;
  regions: Array<[string, number, string]>;
  bg_names: Record<string, { bg: string; latn: string; en: string }>;
}

/** Builds the lookup from the JSON produced by data/scripts/build-nuts.mjs. */
export function nutsTableFrom(file: NutsFile): NutsTable {
  const byCode = new Map<string, NutsRegion>();
  const kids = new Map<string, NutsRegion[]>();
  for (const [code, level, label] of file.regions) {
    const parent = level === 1 ? code.slice(0, 2) : code.slice(0, -1);
    const region: NutsRegion = {
      code, level: level as 1 | 2 | 3, country: code.slice(0, 2), parent, label,
      // Extra-Regio codes end in Z at every level (BGZ, BGZZ, BGZZZ).
      extraRegio: code.slice(2).startsWith("Z"),
      ...(file.bg_names[code] ? { names: file.bg_names[code] } : {}),
    };
    byCode.set(code, deepFreeze(region));
    const list = kids.get(parent) ?? [];
    list.push(region);
    kids.set(parent, list);
  }
  for (const list of kids.values()) Object.freeze(list);
  const all = Object.freeze([...byCode.values()]);
  return {
    version: file.version,
    source: file.source,
    get: (code) => byCode.get(code),
    children: (code) => kids.get(code) ?? [],
    all: () => all,
  };
}

let cached: NutsTable | undefined;

export function loadNuts(): NutsTable {
  return (cached ??= nutsTableFrom((JSON.parse(readFileSync(join(dataDir(), "nuts-2024.json"), "utf8")) as NutsFile)));
}
