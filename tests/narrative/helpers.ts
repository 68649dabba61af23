// Shared by the narrative round-trip tests: an example copy whose budget-table template has a slot,
// LibreOffice as the person editing, DOCX files made and taken apart with fflate.
import { spawnSync } from "../spawn.js";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { copyExample, edih, ROOT } from "../e2e/build-helpers.js";
import { tempDir } from "../temp.js";

export const SLOT = "cost-justification";
export const PARTNER_SLOT = "contribution";
export const BOOKMARK = "edih_cost_justification";
export const FIXTURES = join(import.meta.dirname, "fixtures");

/**
 * The example with its own templates (an application's templates/ overrides the bundled ones file
 * by file) whose last box is a slot: `cost-justification` in the budget table, `contribution` in
 * the commitment letter (one per partner), in both languages.
 */
export function appWithSlot(label: string): string {
  const dir = copyExample(label);
  for (const [document, slot] of [["budget-table", SLOT], ["commitment-letter", PARTNER_SLOT]] as const) {
    for (const lang of ["en", "bg"]) {
      const bundled = readFileSync(join(ROOT, "templates", document, `${lang}.md.hbs`), "utf8");
      const last = bundled.lastIndexOf(":::fill");
      if (last < 0) throw new Error(`templates/${document}/${lang}.md.hbs has no :::fill box any more`);
      const withSlot = bundled.slice(0, last) + bundled.slice(last).replace(/^:::fill(\{[^}]*\})?/, `:::fill{#${slot}}`);
      mkdirSync(join(dir, "templates", document), { recursive: true });
      writeFileSync(join(dir, "templates", document, `${lang}.md.hbs`), withSlot);
    }
  }
  return dir;
}

export async function build(dir: string, ...flags: string[]) {
  const r = await edih(["apply", "build", dir, ...(flags.includes("--only") ? [] : ["--only", "budget-table"]), ...flags]);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stdout}\n${r.stderr}`);
  return r;
}

export const pull = (dir: string, ...args: string[]) => edih(["narrative", "pull", ...args, "--dir", dir]);

export type LoMode = "resave" | "type" | "rich" | "below" | "track" | "outside";

/**
 * LibreOffice edits a copy of `docx` (a copy: LibreOffice leaves a lock file next to what it opens)
 * with tests/narrative/lo-edit.py and returns the saved file.
 */
export function libreOffice(docx: string, mode: LoMode, bookmark = BOOKMARK): string {
  return libreOfficeEdits([{ docx, mode, bookmark }])[0]!;
}

/**
 * Several edits as libreOffice() makes them, in one start of LibreOffice (it takes a second or two
 * to start): the saved files, in the order of `edits`.
 */
export function libreOfficeEdits(edits: { docx: string; mode: LoMode; bookmark?: string }[]): string[] {
  const jobs = edits.map(({ docx, mode, bookmark = BOOKMARK }) => {
    const work = tempDir("lo-edit");
    const src = join(work, "in.docx");
    copyFileSync(docx, src);
    return [src, join(work, "budget-table.docx"), mode, ...(mode === "resave" || mode === "outside" ? [] : [bookmark])];
  });
  const list = join(tempDir("lo-jobs"), "jobs.json");
  writeFileSync(list, JSON.stringify(jobs));
  const r = spawnSync("/usr/bin/python3", [join(import.meta.dirname, "lo-edit.py"), "--jobs", list], { encoding: "utf8", timeout: 600_000 });
  const missing = jobs.filter((j) => !existsSync(j[1]!)).map((j) => j[2]);
  if (r.status !== 0 || missing.length > 0) throw new Error(`lo-edit.py failed (${r.status}; not saved: ${missing.join(", ")}): ${r.stderr}`);
  return jobs.map((j) => j[1]!);
}

/** What LibreOffice's typing (lo-edit.py `type`) must come back as. */
export const TYPED = "Co-funding comes from the **regional** development budget.\n\n- staff of the hub\n- equipment for the test bed\n";

/** Zips a folder of DOCX parts (a hand-made fixture) into a .docx. */
export function zipFolder(folder: string, dest: string, extra: Record<string, string> = {}): string {
  const files: Zippable = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(folder, p)] = readFileSync(p);
    }
  };
  walk(folder);
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  writeFileSync(dest, zipSync(files));
  return dest;
}

/** A DOCX with some parts replaced or removed (undefined). */
export function rewriteDocx(src: string, dest: string, change: Record<string, string | undefined>): string {
  const files = unzipSync(readFileSync(src));
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name in change) {
      const v = change[name];
      if (v !== undefined) out[name] = strToU8(v);
    } else out[name] = data;
  }
  for (const [name, v] of Object.entries(change)) if (!(name in files) && v !== undefined) out[name] = strToU8(v);
  writeFileSync(dest, zipSync(out));
  return dest;
}

/**
 * Every narrative file of the two documents these tests give a slot, relative to `dir/narrative`,
 * with its text (the example's own narrative files, for other documents, are not these tests' business).
 */
export function narrativeFiles(dir: string): Record<string, string> {
  const root = join(dir, "narrative");
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = readFileSync(p, "utf8");
    }
  };
  for (const document of ["budget-table", "commitment-letter"]) if (existsSync(join(root, document))) walk(join(root, document));
  return out;
}
