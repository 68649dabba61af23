/**
 * A map that keeps what was used last within a budget — entries, characters or bytes, as `weigh`
 * counts them — dropping the least recently used first. The one mechanism behind the caches that
 * let `apply build --watch` and library callers skip work they did before (parsed Markdown, table
 * widths, rendered files), so none of them grows without bound in a long session.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  private held = 0;

  constructor(private readonly budget: number, private readonly weigh: (value: V, key: K) => number = () => 1) {}

  /** The value, now the most recently used; undefined when not held. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A Map keeps insertion order: most recently used last.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Holds `value` unless it alone is over the budget, dropping the least recently used to fit. */
  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.held -= this.weigh(old, key);
    }
    const weight = this.weigh(value, key);
    if (weight > this.budget) return;
    this.entries.set(key, value);
    this.held += weight;
    for (const [k, v] of this.entries) {
      if (this.held <= this.budget) break;
      this.entries.delete(k);
      this.held -= this.weigh(v, k);
    }
  }

  /** Entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** What they weigh together. */
  get weight(): number {
    return this.held;
  }
}
