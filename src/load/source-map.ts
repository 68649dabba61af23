// Maps a JSON path in the merged application back to file:line:column. Partners may come from
// edih.yaml (inline) or from partners/<id>.yaml, so the map keeps one slot per merged partner.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from "yaml";
import type { JsonPath, Location } from "../diagnostics.js";

export interface SourceMap {
  /** Where the node at `path` is written; the nearest existing ancestor when it is missing. */
  locate(path: JsonPath): Location | undefined;
  /** Where the KEY of the last path segment is written (for "unknown key" messages). */
  locateKey?(path: JsonPath): Location | undefined;
}

export interface DocSource {
  /** Path shown to the user (the project folder joined with the file's relative path). */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

interface Slot { source: DocSource; prefix: JsonPath }

export class ProjectSourceMap implements SourceMap {
  private readonly partnerSlots: Slot[] = [];

  constructor(private readonly main: DocSource | undefined) {}

  /** Registers the next merged partner: inline ones point into edih.yaml, the rest into their file. */
  addPartner(source: DocSource, prefix: JsonPath): void {
    this.partnerSlots.push({ source, prefix });
  }

  locate(path: JsonPath): Location | undefined {
    return this.find(path, false);
  }

  locateKey(path: JsonPath): Location | undefined {
    return this.find(path, true);
  }

  private find(path: JsonPath, wantKey: boolean): Location | undefined {
    const slot = this.slotFor(path);
    if (!slot) return undefined;
    const found = walk(slot.source.doc, slot.path);
    const offset = wantKey && found.exact && found.pair && nodeStart(found.pair.key as Node | null) !== undefined
      ? nodeStart(found.pair.key as Node)!
      : nodeStart(found.node) ?? 0;
    const { line, col } = slot.source.lineCounter.linePos(offset);
    return { file: slot.source.file, line, column: col };
  }

  private slotFor(path: JsonPath): { source: DocSource; path: JsonPath } | undefined {
    if (path[0] === "partners" && typeof path[1] === "number") {
      const slot = this.partnerSlots[path[1]];
      if (slot) return { source: slot.source, path: [...slot.prefix, ...path.slice(2)] };
    }
    return this.main ? { source: this.main, path } : undefined;
  }
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
