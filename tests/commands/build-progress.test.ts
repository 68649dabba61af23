// The progress line of `apply build` on a terminal (a fake TTY stream): late, self-overwriting, cleared.
import { describe, expect, it, vi } from "vitest";
import { progressReporter } from "../../src/commands/progress.js";

function stream(isTTY: boolean) {
  let written = "";
  return { s: { isTTY, columns: 80, write: (x: string) => { written += x; return true; } } as unknown as NodeJS.WriteStream, out: () => written };
}

describe("progressReporter", () => {
  it("stays silent for the first second, then overwrites one line and clears it", () => {
    vi.useFakeTimers();
    try {
      const t = stream(true);
      const p = progressReporter(t.s, {});
      p.update({ done: 0, total: 10, current: "bg/statute" });
      expect(t.out()).toBe("");
      vi.advanceTimersByTime(1500);
      p.update({ done: 3, total: 10, current: "bg/part-b" });
      expect(t.out()).toMatch(/^\r\[3\/10\] bg\/part-b\s+$/);
      expect(t.out()).not.toContain("\n");
      p.done();
      expect(t.out().endsWith("\r\u001b[2K")).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("writes nothing when piped or on a dumb terminal, and no escape sequence under NO_COLOR", () => {
    vi.useFakeTimers();
    try {
      for (const [tty, env] of [[false, {}], [true, { TERM: "dumb" }]] as const) {
        const t = stream(tty);
        const p = progressReporter(t.s, env);
        vi.advanceTimersByTime(1500);
        p.update({ done: 1, total: 2, current: "x" });
        p.done();
        expect(t.out()).toBe("");
      }
      const t = stream(true);
      const p = progressReporter(t.s, { NO_COLOR: "1" });
      vi.advanceTimersByTime(1500);
      p.update({ done: 1, total: 2, current: "x" });
      p.done();
      expect(t.out()).toContain("[1/2] x");
      expect(t.out()).not.toMatch(/\u001b/);
    } finally {
      vi.useRealTimers();
    }
  });
});
