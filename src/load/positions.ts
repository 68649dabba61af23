// Where each node of one YAML file is written, answered either from the parsed yaml Document or
// from a plain table of offsets built from it once (what the parsed-input cache stores).
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from "yaml";
import type { JsonPath } from "../diagnostics.js";

export interface Positions {
  /**
   * Offset of the node at `path` (of its key when `wantKey` and the key exists); of the deepest
   * node that exists on the way when the path goes further than the file.
   */
  offsetOf(path: JsonPath, wantKey: boolean): number;
  /** 1-based line and column of an offset, as yaml's LineCounter gives them. */
  linePos(offset: number): { line: number; col: number };
}

export function documentPositions(doc: Document.Parsed, lineCounter: LineCounter): Positions {
  return {
    offsetOf(path, wantKey) {
      const found = walk(doc, path);
      return wantKey && found.exact && found.pair && nodeStart(found.pair.key as Node | null) !== undefined
        ? nodeStart(found.pair.key as Node)!
        : nodeStart(found.node) ?? 0;
    },
    linePos: (offset) => lineCounter.linePos(offset),
  };
}

interface WalkResult { node: Node | null; pair?: Pair; exact: boolean }

/** Follows `path` as far as the document has it; stops at the deepest node that exists. */
function walk(doc: Document.Parsed, path: JsonPath): WalkResult {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc) as Node | null ?? node;
    if (isMap(node)) {
      const next = node.items.find((p) => keyMatches(p.key, seg));
      if (!next) return { node, pair, exact: false };
      pair = next as Pair;
      // `key:` with nothing after it has a null value node; point at the key then.
      node = (next.value as Node | null) ?? (next.key as Node);
    } else if (isSeq(node) && typeof seg === "number" && seg < node.items.length) {
      pair = undefined;
      node = node.items[seg] as Node;
    } else {
      return { node, pair, exact: false };
    }
  }
  return { node, pair, exact: true };
}

function keyMatches(key: unknown, seg: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(seg);
  return key === seg || String(key) === String(seg);
}

function nodeStart(node: Node | null | undefined): number | undefined {
  return node && node.range ? node.range[0] : undefined;
}

/**
 * The same answers as documentPositions, as JSON-friendly data: for every path the document
 * has, [node offset, key offset or -1, offset of what an alias there points to]. Map children are keyed "k<key>", list items "i<index>"
 * (a number step may name a map key, as in `walk`; a string step never names a list item).
 */
export interface PositionTable {
  lineStarts: number[];
  nodes: Record<string, Entry>;
}

type Entry = [number, number, number];

/** Beyond this many nodes (aliases can multiply them) the file is not worth a table. */
const MAX_TABLE_NODES = 50_000;

export function positionTable(doc: Document.Parsed, lineCounter: LineCounter): PositionTable | undefined {
  const nodes: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  let count = 0;
  const visit = (node: Node | null, key: string, keyOffset: number): boolean => {
    if (++count > MAX_TABLE_NODES) return false;
    let inner = node;
    if (isAlias(inner)) inner = inner.resolve(doc) as Node | null ?? inner;
    nodes[key] = [nodeStart(node) ?? 0, keyOffset, nodeStart(inner) ?? 0];
    if (isMap(inner)) {
      for (const p of inner.items) {
        const child = `${key}\u0000k${isScalar(p.key) ? String(p.key.value) : String(p.key)}`;
        if (child in nodes) continue; // the first pair with a key wins, as in `walk`
        const value = (p.value as Node | null) ?? (p.key as Node);
        if (!visit(value, child, nodeStart(p.key as Node | null) ?? -1)) return false;
      }
    } else if (isSeq(inner)) {
      for (let i = 0; i < inner.items.length; i++) {
        if (!visit(inner.items[i] as Node, `${key}\u0000i${i}`, -1)) return false;
      }
    }
    return true;
  };
  if (!visit(doc.contents as Node | null, "", -1)) return undefined;
  return { lineStarts: [...lineCounter.lineStarts], nodes };
}

export function tablePositions(table: PositionTable): Positions {
  return {
    offsetOf(path, wantKey) {
      let key = "";
      let entry: Entry = table.nodes[key] ?? [0, -1, 0];
      for (const seg of path) {
        const item = typeof seg === "number" ? `${key}\u0000i${seg}` : undefined;
        const next = item !== undefined && table.nodes[item] ? item : `${key}\u0000k${String(seg)}`;
        // Stopping short, `walk` has already stepped through an alias to what it names.
        if (!table.nodes[next]) return entry[2];
        key = next;
        entry = table.nodes[next];
      }
      return wantKey && entry[1] >= 0 ? entry[1] : entry[0];
    },
    linePos(offset) {
      // yaml's LineCounter.linePos, over the stored line starts.
      const starts = table.lineStarts;
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid]! < offset) low = mid + 1;
        else high = mid;
      }
      if (starts[low] === offset) return { line: low + 1, col: 1 };
      if (low === 0) return { line: 0, col: offset };
      return { line: low, col: offset - starts[low - 1]! + 1 };
    },
  };
}
