/**
 * Reads the narrative folder of an application. Narrative is untrusted input like the YAML: a
 * symlink is refused (it could pull in any file of the machine), each file is size-checked before
 * it is read, must be UTF-8 text, loses a BOM and is normalised to NFC so that a text saved on a
 * Mac (NFD) counts and compares like the same text typed elsewhere.
 */
import { lstatSync, readdirSync, readFileSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { sha256 } from "../domain/hash.js";
import { NARRATIVE_DIR, parseFileName, type NarrativeKey } from "./paths.js";

/** A slot's text is at most a few pages; 256 KB is far beyond any call's limit yet stops a stray export. */
export const MAX_NARRATIVE_BYTES = 256 * 1024;
/** More files than any application has slots × languages × partners: the folder is not narrative. */
const MAX_FILES = 5000;

export interface NarrativeFile extends NarrativeKey {
  /** Display path relative to the application folder (forward slashes). */
  path: string;
  text: string;
  sha256: string;
}

export interface NarrativeSet {
  files: NarrativeFile[];
  diagnostics: Diagnostic[];
}

const problem = (file: string, message: string, hint: string, severity: "error" | "warning" = "error"): Diagnostic =>
  ({ ruleId: "narrative-file", severity, file, line: 1, column: 1, message, hint });

export function readNarrative(projectDir: string): NarrativeSet {
  const files: NarrativeFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = join(projectDir, NARRATIVE_DIR);
  let info;
  try {
    info = lstatSync(root);
  } catch {
    return { files, diagnostics };
  }
  if (info.isSymbolicLink()) {
    diagnostics.push(problem(NARRATIVE_DIR, "the narrative folder is a symbolic link; it was not read",
      "make narrative/ a real folder inside the application folder"));
    return { files, diagnostics };
  }
  if (!info.isDirectory()) return { files, diagnostics: [problem(NARRATIVE_DIR, "narrative is not a folder", "remove the file or rename it")] };

  const list = (dir: string): Dirent[] => readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const symlink = (rel: string) => problem(rel, "symbolic link in the narrative folder; it was not read",
    "copy the text into a real file here instead of linking to it");

  for (const doc of list(root)) {
    const docRel = `${NARRATIVE_DIR}/${doc.name}`;
    if (doc.isSymbolicLink()) { diagnostics.push(symlink(docRel)); continue; }
    if (!doc.isDirectory()) {
      diagnostics.push(problem(docRel, "a file directly in narrative/ is not read", "put it in narrative/<document>/<slot>.<lang>.md", "warning"));
      continue;
    }
    const visit = (dir: string, rel: string, partner: string | undefined) => {
      for (const e of list(dir)) {
        const eRel = `${rel}/${e.name}`;
        if (files.length >= MAX_FILES) return;
        if (e.isSymbolicLink()) { diagnostics.push(symlink(eRel)); continue; }
        if (e.isDirectory()) {
          if (partner === undefined) visit(join(dir, e.name), eRel, e.name.normalize("NFC"));
          else diagnostics.push(problem(eRel, "folder nested too deep is not read",
            "narrative/<document>/<slot>.<lang>.md, or narrative/<document>/<partner>/<slot>.<lang>.md", "warning"));
          continue;
        }
        if (!e.isFile()) continue;
        const name = parseFileName(e.name);
        if (!name) {
          if (e.name.endsWith(".md")) {
            diagnostics.push(problem(eRel, "not read: a narrative file is named <slot>.<lang>.md, the slot in kebab-case and the language bg or en",
              "rename it, e.g. needs-analysis.en.md", "warning"));
          }
          continue;
        }
        const read = readOne(join(dir, e.name), eRel);
        if ("diagnostic" in read) { diagnostics.push(read.diagnostic); continue; }
        files.push({ document: doc.name.normalize("NFC"), ...(partner ? { partner } : {}), ...name, path: eRel, ...read });
      }
    };
    visit(join(root, doc.name), docRel, undefined);
  }
  if (files.length >= MAX_FILES) diagnostics.push(problem(NARRATIVE_DIR, `more than ${MAX_FILES} files in narrative/; the rest were not read`, "is this the right folder?"));
  return { files, diagnostics };
}

function readOne(abs: string, rel: string): { text: string; sha256: string } | { diagnostic: Diagnostic } {
  const size = lstatSync(abs).size;
  if (size > MAX_NARRATIVE_BYTES) {
    return { diagnostic: problem(rel, `file is ${Math.ceil(size / 1024)} KB, more than the ${MAX_NARRATIVE_BYTES / 1024} KB a narrative file may have; it was not read`,
      "a slot holds a few pages of text: is this the right file?") };
  }
  const bytes = readFileSync(abs);
  const sha = sha256(bytes);
  if (bytes.includes(0)) return { diagnostic: problem(rel, "not a text file (it contains NUL bytes); it was not read", "save it as UTF-8 Markdown text") };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    return { diagnostic: problem(rel, "not valid UTF-8 text; it was not read", "save it as UTF-8 Markdown text") };
  }
  return { text: text.normalize("NFC").replace(/\r\n?/g, "\n"), sha256: sha };
}
