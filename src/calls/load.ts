import { existsSync, readdirSync, readFileSync } from "node:fs";
import { deepFreeze } from "../domain/freeze.js";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { readDataYaml } from "../refdata/compiled.js";
import { dataDir } from "../domain/install.js";
import { didYouMean } from "../schema/suggest.js";
import { RULES_BY_ID } from "../rules/index.js";
import {
  CallPackFile, REQUIRED_FACTS, factNumber, type CallPack, type CallPackFile as CallPackFileT, type RuleSetting,
} from "../schema/call-pack.js";

const RULE_ID = "call-pack";

export interface LoadCallPackOptions {
  /**
   * A folder of the user's own <id>.yaml packs (--calls-dir), searched before the installation's
   * data/calls: a consultant's national pack can `extends: DIGITAL-2021-EDIH-01` without copying it.
   */
  dir?: string;
}

function callsDir(opts?: LoadCallPackOptions): string {
  return opts?.dir ?? join(dataDir(), "calls");
}

/** The folders packs are read from, first match wins. */
function callsDirs(opts?: LoadCallPackOptions): string[] {
  const bundled = join(dataDir(), "calls");
  return opts?.dir && opts.dir !== bundled ? [opts.dir, bundled] : [bundled];
}

const packIdsIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)) : [];

/** The folder a pack id is read from. */
function dirOf(id: string, opts?: LoadCallPackOptions): string {
  return callsDirs(opts).find((d) => existsSync(join(d, `${id}.yaml`))) ?? callsDir(opts);
}

// Call packs are installation data: read each folder and pack once per process. `init` alone asks
// for the same pack four times (choices, duration, defaults, the closing validate).
const listed = new Map<string, readonly string[]>();
const loaded = new Map<string, LoadCallPackResult>();

/** Ids of the call packs in data/calls and the user's --calls-dir (sorted). */
export function listCallPacks(opts?: LoadCallPackOptions): string[] {
  const dir = callsDir(opts);
  let ids = listed.get(dir);
  if (!ids) {
    ids = [...new Set(callsDirs(opts).flatMap(packIdsIn))].sort();
    listed.set(dir, ids);
  }
  return [...ids];
}

function diag(message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { ruleId: RULE_ID, severity: "error", message, ...extra };
}

function readPackFile(id: string, dir: string, diagnostics: Diagnostic[]): { file: string; data: CallPackFileT } | undefined {
  const file = join(dir, `${id}.yaml`);
  let raw: unknown;
  try {
    // The installation's packs come precompiled to JSON when current; --calls-dir packs are YAML.
    raw = readDataYaml(file, readFileSync(file, "utf8"));
  } catch (err) {
    diagnostics.push(diag(`Call pack ${id} cannot be read: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`, { file }));
    return undefined;
  }
  const parsed = CallPackFile.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      diagnostics.push(diag(`Call pack ${id}: ${issue.path.join(".") || "(root)"}: ${issue.message}`, { file, path: issue.path as (string | number)[] }));
    }
    return undefined;
  }
  if (parsed.data.id !== id) {
    diagnostics.push(diag(`Call pack file ${id}.yaml declares id "${parsed.data.id}"`, { file, path: ["id"] }));
    return undefined;
  }
  return { file, data: parsed.data };
}

function normalise(setting: CallPackFileT["rules"] extends Record<string, infer S> | undefined ? S : never): RuleSetting {
  return typeof setting === "string" ? { severity: setting } : setting;
}

/** Child over parent, by key; a rule's options merge shallowly so a child can change one option. */
function mergeRules(parent: Record<string, RuleSetting>, child: CallPackFileT["rules"]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = { ...parent };
  for (const [id, s] of Object.entries(child ?? {})) {
    const c = normalise(s);
    const p = out[id];
    out[id] = {
      ...(c.severity ?? p?.severity ? { severity: c.severity ?? p?.severity } : {}),
      ...(p?.options || c.options ? { options: { ...p?.options, ...c.options } } : {}),
    };
  }
  return out;
}

export interface LoadCallPackResult {
  pack?: CallPack;
  diagnostics: Diagnostic[];
}

/**
 * Loads data/calls/<id>.yaml, resolves `extends`, and checks it against the rule registry.
 * Unknown ids and malformed packs come back as diagnostics (ruleId "call-pack"), never thrown.
 * The result is cached and shared by every caller, so it is frozen: a caller that changed it would
 * change the next build's rules (in watch mode, or in tests sharing the process).
 */
export function loadCallPack(id: string, opts?: LoadCallPackOptions): LoadCallPackResult {
  const key = `${callsDir(opts)}\u0000${id}`;
  let result = loaded.get(key);
  if (!result) loaded.set(key, (result = deepFreeze(readCallPack(id, opts))));
  return result;
}

function readCallPack(id: string, opts?: LoadCallPackOptions): LoadCallPackResult {
  const diagnostics: Diagnostic[] = [];
  const known = listCallPacks(opts);
  if (!known.includes(id)) {
    const hint = didYouMean(id, known);
    diagnostics.push(diag(`Unknown call "${id}"; known calls: ${known.join(", ") || "(none)"}`, {
      path: ["call"], ...(hint ? { hint } : { hint: "set `call:` to one of the known call ids" }),
    }));
    return { diagnostics };
  }

  // Chain from the pack itself up to its root ancestor.
  const chain: Array<{ file: string; data: CallPackFileT }> = [];
  for (let next: string | undefined = id; next !== undefined;) {
    if (chain.some((c) => c.data.id === next)) {
      diagnostics.push(diag(`Call pack ${id}: "extends" forms a cycle through ${next}`, { file: chain[0]!.file }));
      return { diagnostics };
    }
    if (!known.includes(next)) {
      const hint = didYouMean(next, known);
      diagnostics.push(diag(`Call pack ${chain.at(-1)!.data.id} extends unknown call "${next}"`, { file: chain.at(-1)!.file, path: ["extends"], ...(hint ? { hint } : {}) }));
      return { diagnostics };
    }
    const read = readPackFile(next, dirOf(next, opts), diagnostics);
    if (!read) return { diagnostics };
    chain.push(read);
    next = read.data.extends;
  }

  // Merge root first, so nearer packs win.
  let merged: Omit<CallPack, "rates" | "duration_months" | "limits" | "extends" | "files" | "slots"> & { slots: Record<string, { max_chars: string }> } & { stage?: "eu" | "national"; nuts_version?: string; documents?: CallPack["documents"] } =
    { id, title: chain[0]!.data.title, sources: {}, facts: {}, rules: {}, slots: {} } as never;
  for (const { data } of [...chain].reverse()) {
    merged = {
      ...merged,
      ...(data.stage ? { stage: data.stage } : {}),
      ...(data.nuts_version ? { nuts_version: data.nuts_version } : {}),
      sources: { ...merged.sources, ...data.sources },
      facts: { ...merged.facts, ...data.facts },
      rules: mergeRules(merged.rules, data.rules),
      slots: { ...merged.slots, ...data.slots },
      // Each stage has its own package, so documents replace rather than merge.
      ...(data.documents ? { documents: data.documents } : {}),
    };
  }
  const file = chain[0]!.file;
  const before = diagnostics.length;
  if (!merged.stage) diagnostics.push(diag(`Call pack ${id} has no stage (eu | national)`, { file }));
  if (!merged.nuts_version) diagnostics.push(diag(`Call pack ${id} has no nuts_version`, { file }));
  if (!merged.documents) diagnostics.push(diag(`Call pack ${id} lists no documents`, { file }));
  for (const f of REQUIRED_FACTS) {
    if (typeof merged.facts[f]?.value !== "number") diagnostics.push(diag(`Call pack ${id} lacks the number fact "${f}"`, { file, path: ["facts", f] }));
  }
  for (const [fid, fact] of Object.entries(merged.facts)) {
    for (const s of fact.sources) {
      if (!merged.sources[s]) diagnostics.push(diag(`Call pack ${id}: fact "${fid}" cites unknown source "${s}"`, { file, path: ["facts", fid, "sources"] }));
    }
  }
  for (const [rid, setting] of Object.entries(merged.rules)) {
    const rule = RULES_BY_ID.get(rid);
    if (!rule) {
      const hint = didYouMean(rid, RULES_BY_ID.keys());
      diagnostics.push(diag(`Call pack ${id} enables unknown rule "${rid}"`, { file, path: ["rules", rid], ...(hint ? { hint } : {}) }));
      continue;
    }
    const opts = rule.options.safeParse(setting.options ?? {});
    if (!opts.success) {
      diagnostics.push(diag(`Call pack ${id}: options of rule ${rid}: ${opts.error.issues.map((i) => `${i.path.join(".") || "(options)"}: ${i.message}`).join("; ")}`, { file, path: ["rules", rid, "options"] }));
    }
  }
  const slots: CallPack["slots"] = {};
  for (const [ref, limit] of Object.entries(merged.slots)) {
    const n = factNumber(merged, limit.max_chars);
    if (n === undefined) diagnostics.push(diag(`Call pack ${id}: slot ${ref} takes its limit from "${limit.max_chars}", which is not a number fact of the pack`, { file, path: ["slots", ref, "max_chars"] }));
    else slots[ref] = { max_chars: n, fact: limit.max_chars };
  }
  if (diagnostics.length > before) return { diagnostics };

  const reference = chain[0]!.data.reference ?? null;
  for (const s of reference?.sources ?? []) {
    if (!merged.sources[s]) diagnostics.push(diag(`Call pack ${id}: reference cites unknown source "${s}"`, { file, path: ["reference", "sources"] }));
  }
  if (diagnostics.length > before) return { diagnostics };

  const pack: CallPack = {
    ...merged,
    reference,
    stage: merged.stage!,
    nuts_version: merged.nuts_version!,
    documents: merged.documents!,
    extends: chain.slice(1).map((c) => c.data.id),
    files: chain.map((c) => c.file),
    rates: { eu_funding: factNumber(merged, "eu_funding_rate")!, indirect: factNumber(merged, "indirect_rate")! },
    duration_months: factNumber(merged, "duration_months")!,
    slots,
    limits: {
      ...opt("part_b_pages", factNumber(merged, "part_b_max_pages")),
      ...opt("title_chars", factNumber(merged, "part_a_title_max_chars")),
      ...opt("abstract_chars", factNumber(merged, "part_a_abstract_max_chars")),
      ...opt("keywords_chars", factNumber(merged, "part_a_keywords_max_chars")),
    },
  };
  return { pack, diagnostics };
}

function opt<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
