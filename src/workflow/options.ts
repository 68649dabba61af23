// The one way option values are checked: a value outside its set, a list with an unknown item or
// a number that is not one is a UsageError (exit 2) naming the flag, what it takes and what was
// typed — whether commander parses the flag or a question of `init`/`partners add` receives it.
import { Option } from "commander";
import { UsageError } from "../errors.js";

export function choiceProblem(value: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(value) ? undefined : `must be one of ${allowed.join(", ")} (got "${value}")`;
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const problem = choiceProblem(value, allowed);
  if (problem) throw new UsageError(`${flag} ${problem}`);
  return value as T;
}

/** A comma-separated list: every item one of `allowed`, at least one item (`--lang ''` would do nothing, silently). */
export function listOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} needs at least one of ${allowed.join(", ")}`, `e.g. ${flag} ${allowed[0]}`);
  return items.map((item) => oneOf(flag, item, allowed));
}

/** A comma-separated list of free values (document ids): at least one. */
export function itemsOf(flag: string, value: string, hint: string): string[] {
  const items = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} needs a value`, hint);
  return items;
}

/** A whole number from `min` on, as typed on the command line or at a prompt. */
export function wholeNumberProblem(value: string, min = 1): string | undefined {
  return /^\d+$/.test(value) && Number(value) >= min ? undefined : `a whole number${min > 0 ? ` from ${min}` : ""} (got "${value}")`;
}

/** An option taking one value of a fixed set; help lists the set. */
export function choiceOption<T extends string>(flags: string, description: string, allowed: readonly T[], fallback?: T): Option {
  const option = new Option(flags, description).choices(allowed);
  const flag = option.long ?? option.short ?? flags;
  option.argParser((value: string) => oneOf(flag, value, allowed));
  return fallback === undefined ? option : option.default(fallback);
}

/** A repeatable option whose values may also be comma-separated: any values, at least one. */
export function itemsOption(flags: string, description: string, hint: string): Option {
  const option = new Option(flags, description);
  const flag = option.long ?? option.short ?? flags;
  return option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), ...itemsOf(flag, value, hint)]);
}

/** A repeatable option whose values may also be comma-separated, each one of a fixed set. */
export function listOption<T extends string>(flags: string, description: string, allowed: readonly T[]): Option {
  const option = new Option(flags, description).choices(allowed);
  const flag = option.long ?? option.short ?? flags;
  option.argParser((value: string, previous: T[] | undefined) => [...(previous ?? []), ...listOf(flag, value, allowed)]);
  return option;
}
