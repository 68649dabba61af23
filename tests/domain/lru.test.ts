// The bounded map behind the process's caches: least recently used out first, within a budget
// counted in entries or in whatever `weigh` says.
import { describe, expect, it } from "vitest";
import { LruMap } from "../../src/domain/lru.js";

describe("LruMap", () => {
  it("drops the least recently used entry, a read counting as a use", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1);
    m.set("b", 2);
    expect(m.get("a")).toBe(1);
    m.set("c", 3);
    expect([m.get("a"), m.get("b"), m.get("c")]).toEqual([1, undefined, 3]);
    expect(m.size).toBe(2);
  });

  it.each([
    { name: "within the budget", values: ["aa", "bbb"], held: ["aa", "bbb"], weight: 5 },
    { name: "the oldest dropped to fit", values: ["aa", "bbb", "cccc"], held: ["bbb", "cccc"], weight: 7 },
    { name: "one over the budget alone not held", values: ["aa", "x".repeat(9)], held: ["aa"], weight: 2 },
  ])("weighs by `weigh`: $name", ({ values, held, weight }) => {
    const m = new LruMap<string, string>(8, (v) => v.length);
    for (const v of values) m.set(v, v);
    expect(values.filter((v) => m.get(v) !== undefined)).toEqual(held);
    expect(m.weight).toBe(weight);
  });

  it("counts a replaced value once", () => {
    const m = new LruMap<string, string>(10, (v) => v.length);
    m.set("k", "abcd");
    m.set("k", "ab");
    expect([m.size, m.weight, m.get("k")]).toEqual([1, 2, "ab"]);
  });
});
