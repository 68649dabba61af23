// Parses one input YAML file, or takes what an earlier run of the same edih build parsed from the
// same bytes. Cold, parsing a consortium's YAML is the largest part of `edih validate`; the
// cache makes the second run skip it. Entries live in the application's own .edih/cache/
// (only when .edih/ exists: `edih init` makes it), are named by the sha256 of the file's bytes
// and by the build, and are checked against both before use. Runs from dist/ or from sources
// (no build id) parse every time.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Diagnostic } from "../diagnostics.js";
import { buildCacheDir, pruneBuildCache } from "../domain/app-cache.js";
import { buildId } from "../domain/build-id.js";
import { writeFileAtomic } from "../write-atomic.js";
import { findUnquotedIdentifiers, restoreAsString, type UnquotedIdentifier } from "./identifiers.js";
import { parseYaml } from "./parse-yaml.js";
import { documentPositions, positionTable, tablePositions, type PositionTable, type Positions } from "./positions.js";

export interface ParsedInput {
  /** The data, identifiers written as numbers already restored to their digits; undefined when unreadable. */
  value?: unknown;
  positions?: Positions;
  /** What parsing found (syntax, duplicate keys, ...). */
  diagnostics: Diagnostic[];
  unquoted: UnquotedIdentifier[];
}

/** Entries kept per build: old versions of edited files go first. */
const MAX_ENTRIES = 256;

interface Entry {
  sha256: string;
  build: string;
  value: unknown;
  table: PositionTable;
  /** Without `file`: the folder may have moved since. */
  diagnostics: Omit<Diagnostic, "file">[];
  unquoted: Array<Omit<UnquotedIdentifier, "diagnostic"> & { diagnostic: Omit<Diagnostic, "file"> }>;
}

/**
 * What one long-lived process parsed, by file and bytes: `apply build --watch` loads the
 * application again after every save, and all but the edited file are as they were. Owned by the
 * session that passes it (never module state), so one-off runs and tests read the disk cache.
 */
export class ParsedInputs {
  private readonly byKey = new Map<string, ParsedInput>();
  private static readonly KEEP = 256;

  get(file: string, sha256: string): ParsedInput | undefined {
    const known = this.byKey.get(`${file}\u0000${sha256}`);
    return known && copyOf(known);
  }

  set(file: string, sha256: string, parsed: ParsedInput): void {
    if (this.byKey.size >= ParsedInputs.KEEP) this.byKey.delete(this.byKey.keys().next().value!);
    this.byKey.set(`${file}\u0000${sha256}`, copyOf(parsed));
  }
}

export function parseInput(text: string, file: string, sha256: string, appDir: string, kept?: ParsedInputs): ParsedInput {
  const known = kept?.get(file, sha256);
  if (known) return known;
  const parsed = parseFromDiskOrText(text, file, sha256, appDir);
  kept?.set(file, sha256, parsed);
  return parsed;
}

/** Callers own what they get: the value is restored, checked and reshaped downstream. */
function copyOf(p: ParsedInput): ParsedInput {
  return { ...p, ...(p.value !== undefined ? { value: structuredClone(p.value) } : {}), diagnostics: [...p.diagnostics], unquoted: [...p.unquoted] };
}

function parseFromDiskOrText(text: string, file: string, sha256: string, appDir: string): ParsedInput {
  const build = buildId();
  const dir = buildCacheDir(appDir, "yaml");
  if (dir) {
    const hit = readEntry(join(dir, `${sha256}.json`), sha256, build!, file);
    if (hit) return hit;
  }
  const parsed = parseYaml(text, file);
  if (parsed.value === undefined || !parsed.doc) return { diagnostics: parsed.diagnostics, unquoted: [] };
  const unquoted = findUnquotedIdentifiers(parsed.doc, parsed.lineCounter, text, file);
  for (const u of unquoted) restoreAsString(parsed.value, u.path, u.sourceText);
  const result: ParsedInput = { value: parsed.value, positions: documentPositions(parsed.doc, parsed.lineCounter), diagnostics: parsed.diagnostics, unquoted };
  if (dir) {
    const table = positionTable(parsed.doc, parsed.lineCounter);
    if (table) writeEntry(dir, sha256, build!, file, result, table);
  }
  return result;
}

function readEntry(path: string, sha256: string, build: string, file: string): ParsedInput | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(path, "utf8")) as Entry;
  } catch {
    return undefined;
  }
  if (entry?.sha256 !== sha256 || entry.build !== build || !entry.table?.nodes || !Array.isArray(entry.diagnostics) || !Array.isArray(entry.unquoted)) {
    return undefined;
  }
  return {
    value: entry.value,
    positions: tablePositions(entry.table),
    diagnostics: entry.diagnostics.map((d) => ({ ...d, file })),
    unquoted: entry.unquoted.map((u) => ({ ...u, diagnostic: { ...u.diagnostic, file } })),
  };
}

/** Stores only what JSON gives back unchanged (not `.inf`, `.nan`, ...); a failed write is no loss. */
function writeEntry(dir: string, sha256: string, build: string, file: string, parsed: ParsedInput, table: PositionTable): void {
  const diagnostics = [...parsed.diagnostics, ...parsed.unquoted.map((u) => u.diagnostic)];
  if (diagnostics.some((d) => d.file !== file)) return;
  const strip = ({ file: _f, ...d }: Diagnostic) => d;
  const entry: Entry = {
    sha256, build, value: parsed.value, table,
    diagnostics: parsed.diagnostics.map(strip),
    unquoted: parsed.unquoted.map((u) => ({ ...u, diagnostic: strip(u.diagnostic) })),
  };
  const json = JSON.stringify(entry);
  if (!isDeepStrictEqual((JSON.parse(json) as Entry).value, parsed.value)) return;
  try {
    const fresh = !existsSync(dir);
    writeFileAtomic(join(dir, `${sha256}.json`), json);
    // Other builds' folders go once, when this build's is new.
    pruneBuildCache(dir, MAX_ENTRIES, fresh);
  } catch {
    // a read-only or full folder: the next run parses again
  }
}
