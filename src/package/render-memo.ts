/**
 * The files this thread rendered lately, by render key (render-key.ts): a render whose key was
 * seen before gives the same bytes without running the writers again. The writers are
 * deterministic, so no byte changes; the work is saved when a document comes back within one
 * process — an edit undone in `apply build --watch`, or a library caller (the test suite) that
 * builds the same application many times. A single `apply build` never meets a key twice.
 * Bounded by the bytes it holds, least recently used out first, so a long watch session does not
 * grow. A build with `reuse: false` neither asks it nor the files in out/.
 */
import { LruMap } from "../domain/lru.js";
import type { SlotStamp } from "../narrative/stamp.js";

export interface MemoFile {
  bytes: Uint8Array;
  pages?: number;
  /** A stamped DOCX's slot stamps (what pull compares an edited copy with). */
  slots?: Record<string, SlotStamp>;
}

/** The example's whole package in both formats is ~9 MB: a few builds' worth. */
const BUDGET_BYTES = 48 * 1024 * 1024;

export class RenderMemo {
  private readonly files: LruMap<string, MemoFile>;
  /** Renders answered from memory, and asked for and not found. */
  hits = 0;
  misses = 0;

  constructor(budget = BUDGET_BYTES) {
    this.files = new LruMap(budget, (file) => file.bytes.length);
  }

  /** A copy of the bytes: what a caller does with them never reaches the next one. */
  get(key: string): MemoFile | undefined {
    const file = this.files.get(key);
    if (!file) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return { ...file, bytes: file.bytes.slice() };
  }

  set(key: string, file: MemoFile): void {
    this.files.set(key, { ...file, bytes: file.bytes.slice() });
  }

  /** Files held, and their bytes. */
  get size(): { files: number; bytes: number } {
    return { files: this.files.size, bytes: this.files.weight };
  }
}
