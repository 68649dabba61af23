// Which task each render worker takes next: its own run of neighbouring tasks first (the copies of
// one document share compiled templates), then the far end of the longest run left.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TaskQueue } from "../../src/package/task-queue.js";

/** Hands out every task, asking the workers in the order given (cycled), and lists what each got. */
function drain(count: number, workers: number, turns: number[]): number[][] {
  const queue = new TaskQueue(count, workers);
  const got: number[][] = Array.from({ length: workers }, () => []);
  for (let i = 0, idle = 0; idle < workers; i++) {
    const w = turns[i % turns.length]! % workers;
    const next = queue.next(w);
    if (next === undefined) idle++;
    else {
      idle = 0;
      got[w]!.push(next);
    }
  }
  return got;
}

describe("TaskQueue", () => {
  it.each([
    { case: "two workers taking turns keep to their halves", count: 10, workers: 2, turns: [0, 1], got: [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]] },
    { case: "a faster worker takes the other's tasks from the end, one after the other",
      count: 10, workers: 2, turns: [0, 1, 1, 1], got: [[0, 1, 2], [5, 6, 7, 8, 9, 4, 3]] },
    { case: "an odd count: the second share is the longer, and its end goes to the first worker", count: 5, workers: 2, turns: [0, 1], got: [[0, 1, 4], [2, 3]] },
    { case: "one worker takes them in plan order", count: 4, workers: 1, turns: [0], got: [[0, 1, 2, 3]] },
    { case: "more workers than tasks: one with an empty share takes from the others", count: 2, workers: 3, turns: [0, 1, 2], got: [[0], [1], []] },
    { case: "three shares: a worker done first robs whichever share has the most left",
      count: 9, workers: 3, turns: [2, 2, 2, 2, 2, 0, 1, 0, 1], got: [[0, 1], [3, 4], [6, 7, 8, 2, 5]] },
    { case: "no tasks", count: 0, workers: 2, turns: [0, 1], got: [[], []] },
  ])("$case", ({ count, workers, turns, got }) => {
    expect(drain(count, workers, turns)).toEqual(got);
  });

  it("hands out every task exactly once, whoever asks when", () => {
    fc.assert(fc.property(fc.nat({ max: 80 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 30 }),
      (count, workers, turns) => {
        const all = drain(count, workers, turns).flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: count }, (_, i) => i));
      }));
  });
});
