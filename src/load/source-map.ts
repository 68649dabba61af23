// Maps a JSON path in the merged application back to file:line:column. Partners may come from
// edih.yaml (inline) or from partners/<id>.yaml, so the map keeps one slot per merged partner.
import type { JsonPath, Location } from "../diagnostics.js";
import type { Positions } from "./positions.js";

export interface SourceMap {
  /** Where the node at `path` is written; the nearest existing ancestor when it is missing. */
  locate(path: JsonPath): Location | undefined;
  /** Where the KEY of the last path segment is written (for "unknown key" messages). */
  locateKey?(path: JsonPath): Location | undefined;
}

export interface DocSource {
  /** Path shown to the user (the project folder joined with the file's relative path). */
  file: string;
  positions: Positions;
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
    const { positions } = slot.source;
    const { line, col } = positions.linePos(positions.offsetOf(slot.path, wantKey));
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
