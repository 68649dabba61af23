// Raw access to an application folder's YAML for the editing commands (partners): keeps the
// yaml Document (for comment-preserving edits) and a LineCounter (for file:line in messages).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CST, Composer, type Document, LineCounter, type Node, Parser, isMap, isScalar, isSeq } from "yaml";

export interface YamlFile {
  /** Path relative to the application folder, with `/`. */
  rel: string;
  abs: string;
  text: string;
  doc: Document;
  lines: LineCounter;
  /** The concrete syntax tree the Document was composed from; edited to keep formatting. */
  tokens: CST.Token[];
}

export function readYamlFile(dir: string, rel: string): YamlFile | undefined {
  const abs = join(dir, rel);
  if (!existsSync(abs)) return undefined;
  const text = readFileSync(abs, "utf8");
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const doc = [...new Composer({ keepSourceTokens: true }).compose(tokens)][0] as Document | undefined;
  return { rel, abs, text, doc: doc ?? new Composer().compose([]).next().value!, lines, tokens };
}

/** The file's text from its (possibly edited) syntax tree: untouched parts stay byte for byte. */
export function cstText(file: YamlFile): string {
  return file.tokens.map((t) => CST.stringify(t)).join("");
}

/** 1-based line and column of a node in its file. */
export function position(file: YamlFile, node: Node | null | undefined): { line: number; column: number } {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = file.lines.linePos(offset);
  return { line, column: col };
}

export interface PartnerEntry {
  id: string;
  data: Record<string, unknown>;
  file: YamlFile;
  /** Index in edih.yaml's `partners:` list, or undefined for a partners/<id>.yaml file. */
  inlineIndex?: number;
  line: number;
}

export function partnerFileNames(dir: string): string[] {
  const pdir = join(dir, "partners");
  if (!existsSync(pdir)) return [];
  return readdirSync(pdir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith(".")).sort();
}

/** Every partner of the folder, inline ones first, in file order. YAML errors are left to validate. */
export function partnerEntries(dir: string): PartnerEntry[] {
  const entries: PartnerEntry[] = [];
  const main = readYamlFile(dir, "edih.yaml");
  const inline = main?.doc.get("partners", true);
  if (main && isSeq(inline)) {
    inline.items.forEach((item, i) => {
      const plain = isMap(item) ? (item.toJSON() as Record<string, unknown>) : {};
      entries.push({ id: String(plain.id ?? ""), data: plain, file: main, inlineIndex: i, line: position(main, item as Node).line });
    });
  }
  for (const name of partnerFileNames(dir)) {
    const file = readYamlFile(dir, `partners/${name}`)!;
    const json = file.doc.toJSON() as unknown;
    const data = json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    const id = name.replace(/\.ya?ml$/, "");
    entries.push({ id, data: { ...data, id }, file, line: 1 });
  }
  return entries;
}

export interface Reference {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the referencing value, e.g. work_packages.0.effort.trakia-university */
  path: string;
  what: string;
}

/**
 * Places in edih.yaml that name partner `id`: budget lines, work-package leads and effort,
 * deliverable leads, service providers.
 */
export function partnerReferences(dir: string, id: string): Reference[] {
  const main = readYamlFile(dir, "edih.yaml");
  if (!main) return [];
  const refs: Reference[] = [];
  const push = (node: Node | null | undefined, path: (string | number)[], what: string) =>
    refs.push({ file: main.rel, ...position(main, node), path: path.join("."), what });
  const seq = (key: string) => {
    const n = main.doc.get(key, true);
    return isSeq(n) ? n.items : [];
  };
  const scalarIs = (n: unknown): n is Node => isScalar(n) && String(n.value) === id;
  const label = (n: unknown, key: string) => (isMap(n) ? String(n.get(key) ?? "?") : "?");

  const budget = main.doc.getIn(["budget", "lines"], true);
  if (isSeq(budget)) budget.items.forEach((line, i) => {
    const p = isMap(line) ? line.get("partner", true) : undefined;
    if (scalarIs(p)) push(p, ["budget", "lines", i, "partner"], `budget line ${i + 1}`);
  });
  seq("work_packages").forEach((wp, i) => {
    if (!isMap(wp)) return;
    const wpId = label(wp, "id");
    const lead = wp.get("lead", true);
    if (scalarIs(lead)) push(lead, ["work_packages", i, "lead"], `lead of ${wpId}`);
    const effort = wp.get("effort", true);
    if (isMap(effort)) for (const pair of effort.items) {
      if (scalarIs(pair.key)) push(pair.key, ["work_packages", i, "effort", id], `effort in ${wpId}`);
    }
    const dels = wp.get("deliverables", true);
    if (isSeq(dels)) dels.items.forEach((d, j) => {
      const dl = isMap(d) ? d.get("lead", true) : undefined;
      if (scalarIs(dl)) push(dl, ["work_packages", i, "deliverables", j, "lead"], `lead of deliverable ${label(d, "id")}`);
    });
  });
  seq("services").forEach((s, i) => {
    const providers = isMap(s) ? s.get("providers", true) : undefined;
    if (isSeq(providers)) providers.items.forEach((p, k) => {
      if (scalarIs(p)) push(p, ["services", i, "providers", k], `provider of service ${label(s, "id")}`);
    });
  });
  return refs.sort((a, b) => a.line - b.line || a.column - b.column);
}
