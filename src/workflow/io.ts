// What a command may touch of the world outside its arguments: two output streams, the folder it
// runs in, the environment and (for prompts) the terminal. main.ts passes the process's; tests pass
// their own and read what was written, so every command runs in-process without a subprocess.
import { resolve } from "node:path";
import { shouldColor } from "../report/color.js";

/** An output stream as commands use it: text in, and whether a person is watching. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CommandIO {
  stdout: Output;
  stderr: Output;
  /** The folder relative paths on the command line are read from. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The terminal prompts read from and draw on; absent (or not a TTY) means nobody can answer. */
  terminal?: { input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream & { isTTY?: boolean } };
}

/** Prompting needs both ends to be a terminal; anything else is a script or CI. */
export function isInteractive(io: CommandIO): boolean {
  return !!io.terminal?.input.isTTY && !!io.terminal.output.isTTY;
}

/** Whether to colour what goes to `stream`: a terminal, unless NO_COLOR; FORCE_COLOR forces. */
export function colorFor(io: CommandIO, stream: Output): boolean {
  return shouldColor(stream, io.env);
}

/** A path from the command line, as the file system needs it. */
export function fromCwd(io: CommandIO, path: string): string {
  return resolve(io.cwd, path);
}

/** What each command's registration receives: the IO, and the way an action hands back its exit code. */
export interface CommandContext {
  io: CommandIO;
  /** Wraps an action that returns an exit code; runCli returns that code. */
  act<A extends unknown[]>(action: (...args: A) => number | Promise<number>): (...args: A) => Promise<void>;
}
