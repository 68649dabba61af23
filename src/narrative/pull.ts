/**
 * `edih narrative pull`: DOCX files edited in Word or LibreOffice → narrative files. For each slot
 * a three-way decision between the DOCX, the narrative file on disk and what the DOCX held when
 * built (its stamps, else the out folder's manifest): an unedited slot changes nothing, a file
 * changed since the build is not overwritten (unless `force`), and a file with tracked changes or
 * text typed outside the slots writes nothing at all until the person decides.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { isInside } from "../inside.js";
import { sha256 } from "../domain/hash.js";
import { acquireLock, LockedError } from "../output/lock.js";
import { PENDING_FILE, readManifest, readPending, type ManifestOutput } from "../output/manifest.js";
import { writeFileAtomic } from "../write-atomic.js";
import { DocxError, openDocx, type DocxPackage } from "./docx-package.js";
import { readDocx, type ReadDocx } from "./docx-read.js";
import { canonicalMarkdown } from "./docx-to-markdown.js";
import { narrativePath } from "./paths.js";
import { outsideRegions, personsMarkdown, readStamps, regionHash, slotMarkdown, type DocxIdentity, type SlotStamp } from "./stamp.js";
import { wordChanges } from "./word-diff.js";

export interface PullOptions {
  /** Application folder (holds edih.yaml). */
  dir: string;
  /** Take the DOCX even where the narrative file changed since the DOCX was built. */
  force?: boolean;
  /** Take tracked insertions and leave out tracked deletions instead of refusing. */
  acceptChanges?: boolean;
  /** Pull the slots even though text was typed outside them. */
  ignoreOutside?: boolean;
  cwd?: string;
}

export type SlotVerdict =
  | { slot: string; file: string; status: "unchanged" }
  | { slot: string; file: string; status: "new" | "updated"; added: number; removed: number }
  | { slot: string; file: string; status: "conflict" | "emptied" };

export interface FileReport {
  docx: string;
  who?: DocxIdentity;
  slots: SlotVerdict[];
  /** Comments anchored in the file, by slot (or the nearest heading outside the slots). */
  comments: { where: string; author: string; text: string }[];
  /** Problems that stopped this file (nothing written from it) or a slot (conflict). */
  errors: string[];
  /** Outside-text findings kept under ignoreOutside; a DOCX in out/ that a running build keeps from being handed back. */
  warnings: string[];
}

export interface PullReport {
  files: FileReport[];
  written: string[];
  ok: boolean;
}

export function pullNarrative(docxFiles: readonly string[], opts: PullOptions): PullReport {
  const cwd = opts.cwd ?? process.cwd();
  const dir = resolve(cwd, opts.dir);
  if (!existsSync(join(dir, "edih.yaml"))) {
    throw new UsageError(`${opts.dir} is not an application folder (no edih.yaml)`, "give the folder with --dir, e.g. --dir my-hub");
  }
  if (!docxFiles.length) throw new UsageError("give at least one DOCX file to pull");
  const manifest = readManifest(join(dir, "out"));
  const report: PullReport = { files: [], written: [], ok: true };
  for (const f of docxFiles) {
    const abs = resolve(cwd, f);
    if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`${f}: no such file`);
    const file = pullOne(abs, f, dir, manifest?.outputs ?? [], opts);
    report.files.push(file);
    report.written.push(...file.slots.filter((s) => s.status === "new" || s.status === "updated").map((s) => s.file));
    if (file.errors.length) report.ok = false;
  }
  return report;
}

function pullOne(abs: string, shown: string, dir: string, outputs: readonly ManifestOutput[], opts: PullOptions): FileReport {
  const report: FileReport = { docx: shown, slots: [], comments: [], errors: [], warnings: [] };
  let read: ReadDocx;
  let pkg: DocxPackage;
  try {
    pkg = openDocx(readFileSync(abs), shown);
    read = readDocx(pkg);
  } catch (err) {
    if (err instanceof DocxError) {
      report.errors.push(err.message);
      return report;
    }
    throw err;
  }
  const stamps = readStamps(read.props);
  const who = stamps.who ?? identityFromName(abs, outputs);
  const built = who && outputs.find((o) => o.format === "docx" && o.document === who.document && o.lang === who.lang && (o.partner ?? undefined) === who.partner);
  // Properties lost: the manifest knows the slot ids, which map shortened bookmark names back.
  if (!stamps.who && built?.slots) read = readDocx(pkg, { slotIds: Object.keys(built.slots) });
  if (!read.slots.length) {
    report.errors.push(who && Object.keys(stamps.slots).length
      ? `${shown}: the marks of its slots are gone (${Object.keys(stamps.slots).join(", ")}); pull a copy saved before they were deleted, or build again`
      : `${shown} has no edih slots: not a document edih built (or one without narrative slots); nothing to pull`);
    return report;
  }
  if (!who) {
    report.errors.push(`${shown}: cannot tell which document this is (its edih properties are gone and the file name matches no output); rename it as built, e.g. part-b.docx in a folder named en`);
    return report;
  }
  report.who = who;
  const stampOf = (slot: string): SlotStamp | undefined => stamps.slots[slot] ?? built?.slots?.[slot];

  const regions = outsideRegions(read);
  const headingBefore = (blockIndex: number) => {
    let h = "";
    for (const [i, r] of regions.entries()) if (i === 0 || read.slots[i - 1]!.first <= blockIndex) h = r.heading;
    return h;
  };
  const slotAt = (i: number) => read.slots.find((s) => s.first <= i && i <= s.last)?.id;
  const where = (i: number) => {
    const slot = slotAt(i);
    return slot ? `slot ${slot}` : `outside the slots, near "${headingBefore(i) || "the beginning"}"`;
  };

  // Tracked changes: whose, and where.
  const changes = new Map<string, Set<string>>();
  read.blocks.forEach((b, i) => {
    for (const c of b.changes) {
      const key = where(i);
      changes.set(key, (changes.get(key) ?? new Set()).add(c.author));
    }
  });
  if (changes.size && !opts.acceptChanges) {
    for (const [w, authors] of changes) report.errors.push(`${shown}: tracked changes in ${w} by ${[...authors].join(", ")}; accept or reject them in Word, or pull with --accept-changes`);
    return report;
  }
  read.blocks.forEach((b, i) => {
    for (const id of b.comments) {
      const c = read.comments.get(id);
      if (c) report.comments.push({ where: where(i), author: c.author, text: c.text });
    }
  });

  // Slots the DOCX was built with whose marks were deleted: the person's text may be outside now.
  const expected = Object.keys(stamps.slots).length ? Object.keys(stamps.slots) : Object.keys(built?.slots ?? {});
  const missing = expected.filter((id) => !read.slots.some((s) => s.id === id));
  for (const id of missing) report.errors.push(`${shown}: slot ${id} has lost its mark (its bookmark was deleted); nothing pulled from this file — build again and copy the text into the new DOCX`);
  if (missing.length) return report;

  if (stamps.outside.length === regions.length) {
    regions.forEach((r, i) => {
      if (regionHash(r.text) === stamps.outside[i]) return;
      const msg = `${shown}: text changed outside the slots, near "${r.heading || "the beginning"}": not kept: edit the YAML or move it into a slot`;
      (opts.ignoreOutside ? report.warnings : report.errors).push(msg + (opts.ignoreOutside ? "" : " (or pull with --ignore-outside)"));
    });
    if (report.errors.length) return report;
  }

  const writes: { path: string; text: string }[] = [];
  for (const { id, markdown } of slotMarkdown(read)) {
    const rel = narrativePath({ ...who, lang: who.lang as "bg" | "en", slot: id });
    const path = join(dir, rel);
    const stamp = stampOf(id);
    const onDisk = existsSync(path) ? readFileSync(path) : undefined;
    const diskText = onDisk?.toString("utf8");
    const edited = stamp ? sha256(markdown) !== stamp.docx : diskText === undefined || canonicalMarkdown(diskText) !== markdown;
    if (!edited || (diskText !== undefined && canonicalMarkdown(diskText) === markdown)) {
      report.slots.push({ slot: id, file: rel, status: "unchanged" });
      continue;
    }
    const diskChanged = stamp ? (onDisk ? sha256(onDisk) : null) !== stamp.narrative : diskText !== undefined;
    if (diskChanged && !opts.force) {
      report.slots.push({ slot: id, file: rel, status: "conflict" });
      report.errors.push(`${rel} changed since ${shown} was built; not overwritten — merge by hand, or pull with --force to take the DOCX`);
      continue;
    }
    // What the person wrote: the box's instructions they typed below (and left) are not theirs.
    const own = stamps.instructions[id] ? personsMarkdown(read, id, stamps.instructions[id]!) : markdown;
    if (diskText !== undefined && canonicalMarkdown(diskText) === own) {
      report.slots.push({ slot: id, file: rel, status: "unchanged" });
      continue;
    }
    if (!own.trim()) {
      report.slots.push({ slot: id, file: rel, status: "emptied" });
      continue;
    }
    if (!isInside(dir, path)) {
      report.errors.push(`${rel} leads outside the application folder (a link?); not written`);
      continue;
    }
    const { added, removed } = wordChanges(diskText ?? "", own);
    report.slots.push({ slot: id, file: rel, status: diskText === undefined ? "new" : "updated", added, removed });
    writes.push({ path, text: own });
  }
  for (const w of writes) writeFileAtomic(w.path, w.text);
  if (!report.errors.length) {
    const busy = handBack(dir, abs);
    if (busy) report.warnings.push(busy);
  }
  return report;
}

/**
 * A DOCX pulled where the build wrote it (edited in place in out/) is no longer a hand edit to
 * protect: its text is in the narrative files now. It is recorded the way a build killed
 * half-way records its own files (.edih-pending.json), so the next build rewrites it instead of
 * keeping it as "edited by hand".
 */
function handBack(dir: string, abs: string): string | undefined {
  const outDir = join(dir, "out");
  const rel = relative(outDir, abs).split(/[\\/]/).join("/");
  if (rel.startsWith("..") || !readManifest(outDir)?.outputs.some((o) => o.path === rel)) return undefined;
  // The pending file is the build's bookkeeping: written under the same lock a build holds.
  let lock;
  try {
    lock = acquireLock(outDir);
  } catch (err) {
    if (err instanceof LockedError) return `a build is writing out/ now: the next build keeps this DOCX as edited by hand (its text is in narrative/ now; rebuild it with --force)`;
    throw err;
  }
  try {
    const pending = readPending(outDir);
    pending[rel] = sha256(readFileSync(abs));
    writeFileAtomic(join(outDir, PENDING_FILE), JSON.stringify(pending, null, 2));
  } finally {
    lock.release();
  }
  return undefined;
}

/** A DOCX whose properties were lost: its name as built (`part-b.docx`, in a folder `en`) against the manifest. */
function identityFromName(abs: string, outputs: readonly ManifestOutput[]): DocxIdentity | undefined {
  const name = basename(abs).replace(/\.docx$/i, ".docx");
  const lang = basename(dirname(abs));
  const hits = outputs.filter((o) => o.format === "docx" && basename(o.path) === name && (lang === "bg" || lang === "en" ? o.lang === lang : true));
  if (hits.length !== 1) return undefined;
  const o = hits[0]!;
  return { document: o.document, lang: o.lang, ...(o.partner ? { partner: o.partner } : {}) };
}

/** One line per slot, then comments, warnings and errors. */
export function formatPull(report: PullReport, cwd: string, dir: string): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const head = f.who ? `${f.docx} (${f.who.document}${f.who.partner ? `, ${f.who.partner}` : ""}, ${f.who.lang})` : f.docx;
    lines.push(head);
    for (const s of f.slots) {
      const shown = relative(cwd, join(dir, s.file)) || s.file;
      const what = s.status === "updated" ? `updated (+${s.added} −${s.removed} words)`
        : s.status === "new" ? `new (+${s.added} words)`
        : s.status === "conflict" ? "not pulled: the narrative file changed since this DOCX was built"
        : s.status === "emptied" ? "emptied in the DOCX: file kept (delete it to empty the slot)" : "unchanged";
      lines.push(`  ${s.slot}: ${what}  ${s.status === "unchanged" ? "" : `→ ${shown}`}`.trimEnd());
    }
    for (const c of f.comments) lines.push(`  comment in ${c.where} by ${c.author}: ${c.text}`);
    for (const w of f.warnings) lines.push(`  warning: ${w}`);
  }
  return lines.join("\n") + "\n";
}
