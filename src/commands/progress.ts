/**
 * One self-overwriting progress line on a terminal, shown only once a build has run for a second;
 * nothing at all when the stream is piped or NO_COLOR/dumb terminals ask for plain output.
 */
export function progressReporter(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env) {
  const enabled = Boolean(stream.isTTY) && env.TERM !== "dumb";
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
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
