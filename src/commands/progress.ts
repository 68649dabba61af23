import type { Output } from "../workflow/io.js";

/**
 * One self-overwriting progress line on a terminal, shown only once a build has run for a second;
 * nothing at all when the stream is piped or the terminal is dumb; no escape sequences under NO_COLOR.
 */
export function progressReporter(stream: Output, env: NodeJS.ProcessEnv) {
  const enabled = Boolean(stream.isTTY) && env.TERM !== "dumb";
  const plain = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const started = Date.now();
  let shown = false;
  return {
    update: (e: { done: number; total: number; current: string }) => {
      if (!enabled || Date.now() - started < 1000) return;
      shown = true;
      const line = `[${e.done}/${e.total}] ${e.current}`;
      stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1).padEnd(Math.min(60, (stream.columns ?? 80) - 1))}`);
    },
    done: () => {
      // Clears the line; with NO_COLOR asked for, without an escape sequence.
      if (shown) stream.write(plain ? `\r${" ".repeat(Math.min(60, (stream.columns ?? 80) - 1))}\r` : "\r\x1b[2K");
    },
  };
}
