// The data side of `edih partners list|show|add|remove`.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../write-atomic.js";
import { nutsCountry, placeCountry } from "../refdata/countries.js";
import { PARTNER_SCHEMA_FILE, partnerJsonSchema, schemaText } from "./json-schema.js";
import { type NewPartner, idProblem, partnerYaml } from "./partner-file.js";
import { isSeq } from "yaml";
import { type PartnerEntry, type Reference, type YamlFile, cstText, partnerEntries, partnerFileNames, partnerReferences, readYamlFile } from "./project-files.js";

export interface PartnerRow {
  id: string;
  name: string;
  type: string;
  /** NUTS 3 of the seat, or null when unknown. */
  nuts3: string | null;
  /** "inside" the hub's NUTS 2 region, "branch" (seat outside, a branch inside), "outside", "unknown". */
  inRegion: "inside" | "branch" | "outside" | "unknown";
  roles: string[];
  /** null: not asked (an ЕИК is a Bulgarian register's number; the partner is seated elsewhere). */
  eik: boolean | null;
  pic: boolean;
  vat: boolean;
  file: string;
  line: number;
}

/** Text of a multilingual value in `lang`, falling back to the other language. */
export function text(value: unknown, lang: string): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const m = value as Record<string, unknown>;
    const v = m[lang] ?? m.en ?? m.bg ?? Object.values(m)[0];
    return typeof v === "string" ? v : "";
  }
  return "";
}

const present = (v: unknown) => typeof v === "string" ? v.trim() !== "" : typeof v === "number";

export function hubRegion(dir: string): string | undefined {
  const r = readYamlFile(dir, "edih.yaml")?.doc.getIn(["hub", "region"]);
  return typeof r === "string" ? r : undefined;
}

export function partnerRow(entry: PartnerEntry, region: string | undefined, lang: string): PartnerRow {
  const d = entry.data;
  const seat = (d.seat ?? {}) as Record<string, unknown>;
  const nuts3 = typeof seat.nuts3 === "string" ? seat.nuts3 : null;
  const branches = Array.isArray(d.branches) ? (d.branches as Record<string, unknown>[]) : [];
  const inside = (code: unknown) => typeof code === "string" && !!region && code.startsWith(region);
  const country = placeCountry({ country: typeof seat.country === "string" ? seat.country : undefined, nuts3 },
    region ? nutsCountry(region) : "BG");
  const inRegion = !region || !nuts3 ? "unknown"
    : inside(nuts3) ? "inside" : branches.some((b) => inside(b?.nuts3)) ? "branch" : "outside";
  return {
    id: entry.id,
    name: text(d.name, lang),
    type: typeof d.type === "string" ? d.type : "",
    nuts3,
    inRegion,
    roles: Array.isArray(d.roles) ? d.roles.map(String) : [],
    eik: country === "BG" ? present(d.eik) : null,
    pic: present(d.pic),
    vat: present(d.vat),
    file: entry.file.rel,
    line: entry.line,
  };
}

export function listPartners(dir: string, lang = "en"): PartnerRow[] {
  const region = hubRegion(dir);
  return partnerEntries(dir).map((e) => partnerRow(e, region, lang));
}

export function findPartner(dir: string, id: string): PartnerEntry | undefined {
  return partnerEntries(dir).find((e) => e.id === id);
}

/** Formats rows as an aligned plain-text table (no colours: it is pasted into e-mails too). */
export function partnersTable(rows: PartnerRow[], region: string | undefined): string {
  const mark = (b: boolean | null) => (b === null ? "" : b ? "✓" : "–");
  const where: Record<PartnerRow["inRegion"], string> = {
    inside: `in ${region}`, branch: "branch in region", outside: "outside", unknown: "?",
  };
  const head = ["ID", "NAME", "TYPE", "SEAT", "REGION", "ROLES", "ЕИК", "PIC", "VAT"];
  const body = rows.map((r) => [r.id, r.name, r.type, r.nuts3 ?? "?", where[r.inRegion], r.roles.join(","), mark(r.eik), mark(r.pic), mark(r.vat)]);
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(...all.map((row) => [...row[c]!].length)));
  const line = (row: string[]) => row.map((cell, c) => cell + " ".repeat(widths[c]! - [...cell].length)).join("  ").trimEnd();
  return [...all.map(line), "", `${rows.length} partner${rows.length === 1 ? "" : "s"}${region ? `, hub region ${region}` : ""}`].join("\n") + "\n";
}

export type AddResult = { ok: true; file: string } | { ok: false; problem: string };

/** Writes partners/<id>.yaml for a new partner; refuses an invalid or already used id. */
export function addPartner(dir: string, p: NewPartner): AddResult {
  const problem = idProblem(p.id);
  if (problem) return { ok: false, problem };
  const existing = findPartner(dir, p.id);
  if (existing) return { ok: false, problem: `partner "${p.id}" already exists (${existing.file.rel}:${existing.line})` };
  const rel = `partners/${p.id}.yaml`;
  writeFileAtomic(join(dir, rel), partnerYaml(p, schemaPathForNewPartner(dir)));
  return { ok: true, file: rel };
}

/**
 * The `$schema` comment of a new partner file follows the folder's other partner files (the
 * bundled example points elsewhere than `edih init`), else the project's .edih copy, written
 * on demand so the comment always resolves.
 */
function schemaPathForNewPartner(dir: string): string {
  for (const name of partnerFileNames(dir)) {
    const m = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(join(dir, "partners", name), "utf8"));
    if (m) return m[1]!.trim();
  }
  if (!existsSync(join(dir, PARTNER_SCHEMA_FILE))) writeFileAtomic(join(dir, PARTNER_SCHEMA_FILE), schemaText(partnerJsonSchema()));
  return `../${PARTNER_SCHEMA_FILE}`;
}

export type RemoveResult =
  | { ok: true; file: string; inline: boolean; references: Reference[] }
  | { ok: false; problem: string; references: Reference[] };

/**
 * Removes a partner: deletes partners/<id>.yaml, or the inline entry of edih.yaml through the
 * yaml Document so every other line, comment and blank line stays as the user wrote it.
 * Refuses while something references the partner, unless `force`.
 */
export function removePartner(dir: string, id: string, force = false): RemoveResult {
  const entry = findPartner(dir, id);
  const references = partnerReferences(dir, id);
  if (!entry) return { ok: false, problem: `no partner "${id}" in ${dir}`, references: [] };
  if (references.length > 0 && !force) {
    return { ok: false, problem: `partner "${id}" is still referenced ${references.length} time${references.length === 1 ? "" : "s"}`, references };
  }
  if (entry.inlineIndex === undefined) {
    rmSync(entry.file.abs);
    return { ok: true, file: entry.file.rel, inline: false, references };
  }
  writeFileAtomic(entry.file.abs, withoutListItem(entry.file, ["partners"], entry.inlineIndex));
  return { ok: true, file: entry.file.rel, inline: true, references };
}

/**
 * The file's text without item `index` of the block list at `path`, cut out of the syntax tree
 * so everything else (comments, quoting, line breaks, alignment) stays as written. The comment
 * lines directly above the item belong to it and go with it.
 */
export function withoutListItem(file: YamlFile, path: (string | number)[], index: number): string {
  const seq = file.doc.getIn(path, true);
  const token = isSeq(seq) ? seq.srcToken : undefined;
  if (token?.type === "block-seq" && token.items.length > 1) {
    token.items.splice(index, 1);
    return cstText(file);
  }
  // A flow list or the only item: no formatting of the list itself to keep; the Document API
  // still keeps every comment elsewhere in the file.
  file.doc.deleteIn([...path, index]);
  if (isSeq(seq) && seq.items.length === 0) seq.flow = true;
  return file.doc.toString();
}
