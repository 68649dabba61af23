// One question = one flag. The Asker answers from the flag when given, from the default under
// --yes, or from a prompt on a terminal; without a terminal it collects the flags still needed
// so the command can say so instead of waiting for input that never comes.
import { UsageError } from "../errors.js";
import type { CommandIO } from "./io.js";
import { listOf, oneOf } from "./options.js";
import type { Choice } from "./catalog.js";

type Prompts = typeof import("@inquirer/prompts");

export interface AskOptions {
  /** True when prompting is possible (stdin and stdout are terminals). */
  interactive: boolean;
  /** --yes: take defaults for anything not given, never prompt. */
  yes: boolean;
  /** Where questions are drawn and answers read (its terminal), and notes between them written. */
  io: Pick<CommandIO, "stdout" | "terminal">;
}

export class Asker {
  readonly missing: string[] = [];
  private prompts?: Prompts;

  constructor(private readonly opts: AskOptions) {}

  /** Whether questions without a flag will be asked on the terminal. */
  get prompting(): boolean {
    return this.opts.interactive && !this.opts.yes;
  }

  /** The terminal the prompts use: the injected one, not whatever process.stdin happens to be. */
  private get context() {
    const t = this.opts.io.terminal;
    return t ? { input: t.input, output: t.output } : undefined;
  }

  private async lib(): Promise<Prompts> {
    // Loaded only when a question is really asked: `--help` and scripted runs never pay for it.
    return (this.prompts ??= await import("@inquirer/prompts"));
  }

  /** The answer without prompting: the default under --yes; else, off a terminal, a placeholder and the flag noted as missing. */
  private unprompted<T>(flag: string, def: T | undefined): { value: T | undefined } | undefined {
    if (this.opts.yes && def !== undefined) return { value: def };
    if (this.prompting) return undefined;
    this.missing.push(flag);
    return { value: def };
  }

  async text(flag: string, message: string, given: string | undefined, def: string | undefined,
    validate?: (v: string) => string | undefined): Promise<string> {
    if (given !== undefined) {
      const problem = validate?.(given);
      if (problem) throw new UsageError(`${flag}: ${problem}`);
      return given;
    }
    const fb = this.unprompted(flag, def);
    if (fb) return fb.value ?? "";
    const { input } = await this.lib();
    return (await input({
      message, default: def, required: true,
      validate: (v: string) => (validate ? validate(v.trim()) ?? true : v.trim() !== "" || "required"),
    }, this.context)).trim();
  }

  async select(flag: string, message: string, given: string | undefined, choices: Choice[], def: string | undefined): Promise<string> {
    if (given !== undefined) return oneOf(flag, given, choices.map((c) => c.value));
    const fb = this.unprompted(flag, def);
    if (fb) return fb.value ?? "";
    const { select } = await this.lib();
    return select({ message, choices, default: def, pageSize: 12 }, this.context);
  }

  async checkbox(flag: string, message: string, given: string | undefined, choices: Choice[], def: string[]): Promise<string[]> {
    if (given !== undefined) return listOf(flag, given, choices.map((c) => c.value));
    const fb = this.unprompted(flag, def);
    if (fb) return fb.value ?? def;
    const { checkbox } = await this.lib();
    return checkbox({
      message, required: true,
      choices: choices.map((c) => ({ ...c, checked: def.includes(c.value) })),
    }, this.context);
  }

  async confirm(flag: string, message: string, given: boolean | undefined, def: boolean): Promise<boolean> {
    if (given !== undefined) return given;
    if (!this.prompting) return def;
    const { confirm } = await this.lib();
    return confirm({ message, default: def }, this.context);
  }

  /**
   * A fact that may not be known yet (an identifier): from its flag, checked as typed; else asked on
   * a terminal, where an empty answer means "not known yet"; else null. Never a default: nothing is
   * invented.
   */
  async optional(flag: string, message: string, given: string | undefined, validate?: (v: string) => string | undefined): Promise<string | null> {
    if (given !== undefined) {
      const v = given.trim();
      if (v === "") return null;
      const problem = validate?.(v);
      if (problem) throw new UsageError(`${flag}: ${problem}`);
      return v;
    }
    return this.optionalText(message, validate);
  }

  /** A question that may be left empty: an unknown fact, written as null. Asked only on a terminal. */
  async optionalText(message: string, validate?: (v: string) => string | undefined): Promise<string | null> {
    if (!this.prompting) return null;
    const { input } = await this.lib();
    const v = (await input({
      message,
      validate: (v: string) => (v.trim() === "" ? true : validate?.(v.trim()) ?? true),
    }, this.context)).trim();
    return v === "" ? null : v;
  }

  /** A line between questions (a heading, a note); silent when nothing is asked. */
  say(text: string): void {
    if (this.prompting) this.opts.io.stdout.write(`${text}\n`);
  }

  /** Throws the usage error listing the flags a non-interactive run still needs. */
  assertComplete(command: string): void {
    if (this.missing.length === 0) return;
    const flags = [...new Set(this.missing)];
    throw new UsageError(
      `${command}: standard input is not a terminal, so edih cannot ask; missing ${flags.join(", ")}`,
      `give those flags, or --yes to take the defaults (run \`edih ${command} --help\` for each flag)`);
  }
}
