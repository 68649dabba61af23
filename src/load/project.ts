// Loads an application folder: edih.yaml plus partners/*.yaml, merged into one plain object with
// a source map back to every file. Problems are returned as diagnostics, never thrown.
import { lstat, readdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isInside } from "../inside.js";
import type { Diagnostic, JsonPath } from "../diagnostics.js";
import { parseInput, type ParsedInputs } from "./parsed-cache.js";
import { MAX_FILE_BYTES, readInputFile } from "./read-file.js";
import { ProjectSourceMap, type DocSource, type SourceMap } from "./source-map.js";
import { byCodeUnits } from "../domain/order.js";

export const MAIN_FILE = "edih.yaml";
/**
 * All of an application's files together: a real one is a few hundred kilobytes; forty 4.9 MB
 * partner files would pass the per-file limit and then exhaust memory in validation.
 */
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024;
export const PARTNERS_DIR = "partners";

export interface SourceFile {
  /** Relative to the project folder, with `/` separators. */
  path: string;
  text: string;
  sha256: string;
}

export interface LoadedProject {
  /** Absolute path of the project folder. */
  dir: string;
  /** The merged data as YAML gave it: inline partners first, then partners/*.yaml by file name. */
  raw: Record<string, unknown>;
  sourceMap: SourceMap;
  files: SourceFile[];
}

export interface LoadResult {
  /** Absent when a file could not be turned into data (syntax error, binary, too large, ...). */
  project?: LoadedProject;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  maxFileBytes?: number;
  /** The folder as the user typed it, for messages (the CLI passes `dir` resolved against its cwd). */
  shownAs?: string;
  /** Files parsed earlier in this process (`apply build --watch`), reused for the same bytes. */
  parsedInputs?: ParsedInputs;
}

/** Rule ids meaning the folder itself was not found: a usage problem (exit 2), not bad data. */
export const USAGE_RULE_IDS: ReadonlySet<string> = new Set(["missing-folder", "missing-file"]);

export async function loadProject(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  let root = resolve(dir);
  const shown = options.shownAs ?? dir;
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo) {
    return { diagnostics: [{ ruleId: "missing-folder", severity: "error", message: `folder not found: ${shown}`,
      hint: "Give the folder that holds edih.yaml, or create one with `edih init <folder> --example zagore`." }] };
  }
  if (!rootInfo.isDirectory()) {
    // `edih validate my-hub/edih.yaml` is a natural thing to type; accept it.
    if (basename(root) === MAIN_FILE) root = dirname(root);
    else return { diagnostics: [{ ruleId: "missing-folder", severity: "error", message: `not a folder: ${shown}`,
      hint: "Give the folder that holds edih.yaml, not a file inside it." }] };
  }
  const mainAbs = join(root, MAIN_FILE);
  const mainInfo = await stat(mainAbs).catch(() => undefined);
  if (!mainInfo || !mainInfo.isFile()) {
    return { diagnostics: [{ ruleId: "missing-file", severity: "error", message: `no ${MAIN_FILE} in ${shown}`,
      hint: "An application folder holds edih.yaml (and optionally partners/*.yaml); `edih init <folder> --example zagore` creates one." }] };
  }

  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  let fatal = false;
  let totalBytes = 0;
  // A linked edih.yaml could make edih read (and print into documents) any file of the machine.
  if ((await lstat(mainAbs)).isSymbolicLink() && !isInside(root, mainAbs)) {
    return { diagnostics: [{ ruleId: "file-outside", severity: "error", file: mainAbs, line: 1, column: 1,
      message: `${MAIN_FILE} links to a file outside the application folder; not read`,
      hint: `copy the file into the folder instead of linking to it` }] };
  }

  const loadFile = async (rel: string) => {
    const abs = join(root, ...rel.split("/"));
    const size = (await stat(abs)).size;
    // A single oversized file is reported as such by readInputFile; the total guards many large ones.
    if (size <= maxBytes) totalBytes += size;
    if (totalBytes > MAX_TOTAL_BYTES) {
      diagnostics.push({ ruleId: "input-too-large", severity: "error", file: abs, line: 1, column: 1,
        message: `with this file the application's data adds up to more than ${MAX_TOTAL_BYTES / (1024 * 1024)} MB (the limit for all files together); it was not read`,
        hint: "Application data is plain YAML text, usually a few hundred kilobytes in all: is a large file in partners/ by mistake?" });
      fatal = true;
      return undefined;
    }
    const read = await readInputFile(abs, abs, maxBytes);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) { fatal = true; return undefined; }
    files.push({ path: rel, text: read.text, sha256: read.sha256! });
    const parsed = parseInput(read.text, abs, read.sha256!, root, options.parsedInputs);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value === undefined || !parsed.positions) { fatal = true; return undefined; }
    const source: DocSource = { file: abs, positions: parsed.positions };
    return { source, value: parsed.value, unquoted: parsed.unquoted };
  };

  const main = await loadFile(MAIN_FILE);
  let raw: Record<string, unknown> = {};
  if (main) {
    if (isPlainObject(main.value)) raw = main.value;
    else {
      fatal = true;
      diagnostics.push({ ruleId: "yaml-structure", severity: "error", file: main.source.file, line: 1, column: 1,
        message: `${MAIN_FILE} must be a mapping of keys (version:, call:, hub:, ...), not ${describe(main.value)}` });
    }
    diagnostics.push(...main.unquoted.map((u) => u.diagnostic));
  }
  const sourceMap = new ProjectSourceMap(main?.source);

  const inline = Array.isArray(raw.partners) ? raw.partners as unknown[] : [];
  if (main) inline.forEach((_p, i) => sourceMap.addPartner(main.source, ["partners", i]));
  const fromFiles: unknown[] = [];
  for (const name of await partnerFileNames(root, diagnostics)) {
    const rel = `${PARTNERS_DIR}/${name}`;
    const loaded = await loadFile(rel);
    if (!loaded) continue;
    const fileId = name.slice(0, -".yaml".length);
    if (!isPlainObject(loaded.value)) {
      fatal = true;
      diagnostics.push({ ruleId: "yaml-structure", severity: "error", file: loaded.source.file, line: 1, column: 1,
        message: `${rel} must describe one partner as a mapping (name:, legal_form:, ...), not ${describe(loaded.value)}` });
      continue;
    }
    const partner = loaded.value;
    if (partner.id === undefined || partner.id === null) {
      // The file name is the id; put it first so the merged data reads naturally.
      const { id: _drop, ...rest } = partner;
      fromFiles.push({ id: fileId, ...rest });
    } else {
      if (partner.id !== fileId) {
        const at = sourceMapAt(loaded.source, ["id"]);
        diagnostics.push({ ruleId: "partner-id-mismatch", severity: "error", ...at, path: ["partners", inline.length + fromFiles.length, "id"],
          message: `${rel} says id: ${String(partner.id)}, but the file name makes the id ${fileId}`,
          hint: `Rename the file to ${String(partner.id)}.yaml, or remove the id line (the file name is the id).` });
      }
      fromFiles.push(partner);
    }
    const index = inline.length + fromFiles.length - 1;
    sourceMap.addPartner(loaded.source, []);
    diagnostics.push(...loaded.unquoted.map((u) => ({ ...u.diagnostic, path: ["partners", index, ...u.path] })));
  }
  if (fromFiles.length > 0) {
    if (raw.partners === undefined || raw.partners === null || Array.isArray(raw.partners)) raw.partners = [...inline, ...fromFiles];
    // Otherwise `partners:` in edih.yaml is malformed; the schema reports it and the files wait.
  }
  diagnostics.push(...duplicatePartners(raw, sourceMap, root));

  if (fatal || !main) return { diagnostics };
  return { project: { dir: root, raw, sourceMap, files }, diagnostics };
}

async function partnerFileNames(root: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const dir = join(root, PARTNERS_DIR);
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return [];
  if (info.isSymbolicLink() && !isInside(root, dir)) {
    diagnostics.push({ ruleId: "file-outside", severity: "error", file: dir, line: 1, column: 1,
      message: `${PARTNERS_DIR}/ links to a folder outside the application folder; its files were not read`,
      hint: "copy the partner files into the application's partners/ folder instead of linking to it" });
    return [];
  }
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) {
    diagnostics.push({ ruleId: "ignored-file", severity: "warning", file: dir, line: 1, column: 1,
      message: `${PARTNERS_DIR} is not a folder, so no partner files were read from it`,
      hint: `partner files go in a folder: ${PARTNERS_DIR}/<id>.yaml` });
    return [];
  }
  const names: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".") || !(e.isFile() || e.isSymbolicLink())) continue;
    if (e.name.endsWith(".yaml")) {
      // A partner file linked from elsewhere could leak any file of the machine into reports and documents.
      if (e.isSymbolicLink() && !isInside(root, join(dir, e.name))) {
        diagnostics.push({ ruleId: "file-outside", severity: "error", file: join(dir, e.name), line: 1, column: 1,
          message: `${PARTNERS_DIR}/${e.name} links to a file outside the application folder; not read`,
          hint: "copy the partner's file into partners/ instead of linking to it" });
        continue;
      }
      names.push(e.name);
    }
    else if (/\.ya?ml$/i.test(e.name)) {
      const stem = e.name.replace(/\.ya?ml$/i, "");
      diagnostics.push({ ruleId: "ignored-file", severity: "warning", file: join(dir, e.name), line: 1, column: 1,
        message: `${PARTNERS_DIR}/${e.name} is ignored: partner files end in .yaml (lower case)`, hint: `Rename it to ${stem}.yaml.` });
    }
  }
  // Code-unit order, not locale order: the same folder merges the same way on every machine.
  return names.sort(byCodeUnits);
}

function duplicatePartners(raw: Record<string, unknown>, sourceMap: SourceMap, root: string): Diagnostic[] {
  if (!Array.isArray(raw.partners)) return [];
  const seen = new Map<string, JsonPath>();
  const out: Diagnostic[] = [];
  raw.partners.forEach((p, i) => {
    const id = isPlainObject(p) && typeof p.id === "string" ? p.id : undefined;
    if (id === undefined) return;
    const path: JsonPath = ["partners", i, "id"];
    const first = seen.get(id);
    if (!first) { seen.set(id, path); return; }
    const here = sourceMap.locate(path);
    const there = sourceMap.locate(first);
    out.push({ ruleId: "duplicate-partner", severity: "error", ...here, path,
      message: `partner id "${id}" is given twice: ${place(there, root)} and ${place(here, root)}`,
      hint: "Each partner is described once, either inline under partners: in edih.yaml or in partners/<id>.yaml; remove one." });
  });
  return out;
}

function place(loc: { file: string; line: number; column: number } | undefined, root: string): string {
  if (!loc) return "(unknown place)";
  const rel = loc.file.startsWith(root) ? loc.file.slice(root.length + 1).split(/[\\/]/).join("/") : loc.file;
  return `${rel}:${loc.line}:${loc.column}`;
}

function sourceMapAt(source: DocSource, path: JsonPath) {
  const map = new ProjectSourceMap(source);
  return map.locate(path) ?? { file: source.file, line: 1, column: 1 };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (v === null || v === undefined) return "nothing";
  return `a single ${typeof v === "string" ? "text" : typeof v} value`;
}
