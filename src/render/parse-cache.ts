/**
 * parseMarkdown with a memory: the template output is cut into sections at top-level ATX
 * headings, each section is parsed once per distinct text and kept, and the document's tree is
 * put together from copies of the sections' trees with their positions moved to where the
 * section sits. Parsing Part B (30 KB) takes a few hundred milliseconds, and after one edit (a
 * KPI, a partner's name) all but one or two of its sections read as before: `apply build
 * --watch` parses only those. The per-partner copies of a document share most sections too.
 *
 * The result equals `parseMarkdown(markdown)` node for node, positions included (tested on every
 * bundled template and on generated Markdown). Where a cut could change the parse — text that
 * might hold an HTML block or a link reference definition (both reach across a heading), or a
 * lone CR — the whole text is parsed as one section.
 */
import type { Root, RootContent } from "mdast";
import { parseMarkdown } from "./tree.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pruneBuildCache } from "../domain/app-cache.js";
import { isDeepStrictEqual } from "node:util";
import { LruMap } from "../domain/lru.js";
import { sha256 } from "../domain/hash.js";
import { writeFileAtomic } from "../write-atomic.js";

/** Sections kept, least recently used dropped first: several documents × languages × edits. */
const sections = new LruMap<string, Root>(4096);

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const DIRECTIVE_OPEN = /^\s*(:{3,})[A-Za-z]/;
const DIRECTIVE_CLOSE = /^\s*(:{3,})\s*$/;
/** An HTML block or a definition may span a heading, so the cut would not be safe. */
const CUT_UNSAFE = /^\s*(?:<|\[[^\]]*\]:)|\r/m;
/** Front matter (`---` on the first line, even unclosed) changes how the text after it parses. */
const FRONT_MATTER = /^(?:---|\+\+\+)/;

export function parseMarkdownCached(markdown: string): Root {
  if (CUT_UNSAFE.test(markdown) || FRONT_MATTER.test(markdown)) return parseMarkdown(markdown);
  const cuts = sectionStarts(markdown);
  const root: Root = { type: "root", children: [] };
  let line = 1;
  let end: Point | undefined;
  for (let i = 0; i < cuts.length; i++) {
    const from = cuts[i]!;
    const text = markdown.slice(from, cuts[i + 1] ?? markdown.length);
    const tree = sectionTree(text);
    const shift = { line: line - 1, offset: from };
    for (const child of tree.children) root.children.push(copy(child, shift) as RootContent);
    if (tree.position) end = movePoint(tree.position.end, shift);
    line += countLines(text);
  }
  if (end) root.position = { start: { line: 1, column: 1, offset: 0 }, end };
  return root;
}

function sectionTree(text: string): Root {
  let tree = sections.get(text);
  if (!tree) sections.set(text, (tree = keptTree(text) ?? keep(text, parseMarkdown(text))));
  return tree;
}

/**
 * Sections parsed by earlier runs of the same build of edih, in the application's cache folder
 * (`.edih/cache/md-<build>/<sha256 of the text>.json`, set by useSectionStore): a cold process
 * that rebuilds after an edit parses only the sections that changed. Parsing Part B alone took
 * ~135 ms a language in a cold process. A tree is kept only when JSON gives it back unchanged, and
 * an entry is used only when it names the text's hash and parses as JSON; anything else is
 * parsed again. Writing never fails a build.
 */
let store: string | undefined;
let pruned = false;
/** Entries kept in one build's folder; the oldest go first. */
const KEEP_FILES = 8192;

/** Where this thread keeps and finds parsed sections; undefined: nowhere (runs from sources, no .edih/). */
export function useSectionStore(folder: string | undefined): void {
  if (folder !== store) pruned = false;
  store = folder;
}

interface KeptSection { sha256: string; tree: Root }

function keptTree(text: string): Root | undefined {
  if (!store) return undefined;
  const sha = sha256(text);
  try {
    const kept = JSON.parse(readFileSync(join(store, `${sha}.json`), "utf8")) as KeptSection;
    return kept?.sha256 === sha && kept.tree?.type === "root" && Array.isArray(kept.tree.children) ? kept.tree : undefined;
  } catch {
    return undefined;
  }
}

function keep(text: string, tree: Root): Root {
  if (!store) return tree;
  const sha = sha256(text);
  const json = JSON.stringify({ sha256: sha, tree } satisfies KeptSection);
  if (!isDeepStrictEqual((JSON.parse(json) as KeptSection).tree, tree)) return tree;
  try {
    // Once per folder and thread: other builds' folders go, and this one's oldest entries.
    if (!pruned) pruneBuildCache(store, KEEP_FILES, true);
    pruned = true;
    writeFileAtomic(join(store, `${sha}.json`), json);
  } catch {
    // a read-only or full folder: the next run parses again
  }
  return tree;
}

/**
 * Offsets where a section starts: 0, and every line that opens an ATX heading outside fenced
 * code and outside a directive container (`:::fill` … `:::`). Such a line ends whatever block
 * came before it (a paragraph, list, table or quote), so the text on either side parses alone
 * as it parses together.
 */
function sectionStarts(markdown: string): number[] {
  const starts = [0];
  let fence: { char: string; length: number } | undefined;
  // Colons of each open container: a closing line needs at least as many as its opening had.
  const open: number[] = [];
  let at = 0;
  while (at < markdown.length) {
    const nl = markdown.indexOf("\n", at);
    const lineEnd = nl < 0 ? markdown.length : nl;
    const line = markdown.slice(at, lineEnd);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
    } else if (f) {
      fence = { char: f[1]![0]!, length: f[1]!.length };
    } else if (DIRECTIVE_OPEN.test(line)) {
      open.push(DIRECTIVE_OPEN.exec(line)![1]!.length);
    } else if (DIRECTIVE_CLOSE.test(line)) {
      if (open.length && DIRECTIVE_CLOSE.exec(line)![1]!.length >= open[open.length - 1]!) open.pop();
    } else if (at > 0 && open.length === 0 && HEADING.test(line)) {
      starts.push(at);
    }
    at = lineEnd + 1;
  }
  return starts;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

interface Shift { line: number; offset: number }

/** A deep copy of a parsed node (plain objects, arrays, scalars), its points moved by `shift`. */
function copy(value: unknown, shift: Shift): unknown {
  if (Array.isArray(value)) return value.map((v) => copy(v, shift));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "position" && v && typeof v === "object") {
      const p = v as { start: Point; end: Point };
      out[k] = { start: movePoint(p.start, shift), end: movePoint(p.end, shift) };
    } else {
      out[k] = copy(v, shift);
    }
  }
  return out;
}

interface Point { line: number; column: number; offset?: number }

function movePoint(p: Point, shift: Shift): Point {
  return { line: p.line + shift.line, column: p.column, ...(p.offset !== undefined ? { offset: p.offset + shift.offset } : {}) };
}
