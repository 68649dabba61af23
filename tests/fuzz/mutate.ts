// Mutations of the bundled example for the fuzz tests: structural ones on the parsed data
// (delete a key, wrong type, hostile strings, extreme numbers) and textual ones on the YAML
// (random syntax damage). Each mutation is a plain value fast-check can print and shrink.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";

export const ROOT = join(import.meta.dirname, "../..");
export const EXAMPLE = join(ROOT, "examples/zagore");

export type Path = (string | number)[];

/** Original text of every input file of the example, by path relative to the folder. */
export function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = { "edih.yaml": readFileSync(join(EXAMPLE, "edih.yaml"), "utf8") };
  for (const name of readdirSync(join(EXAMPLE, "partners")).sort()) {
    if (name.endsWith(".yaml")) files[`partners/${name}`] = readFileSync(join(EXAMPLE, "partners", name), "utf8");
  }
  return files;
}

/** A scratch copy of the example on tmpfs when there is one (many small rewrites). */
export function scratchCopy(prefix: string): string {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  const dir = mkdtempSync(join(base, prefix));
  copyApplicationSources(EXAMPLE, dir);
  return dir;
}

/** Every path to a value (leaf or container) inside `value`, root excluded. */
export function allPaths(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([...base, i], ...allPaths(v, [...base, i])); });
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push([...base, k], ...allPaths(v, [...base, k]));
  }
  return out;
}

const NASTY = ["|", "*", "#", "{{", "}}", "\u0000", "\\", "_", "`", "<", ">", "&", "[", "]", ":", "-", "\n", "\t", "\"", "'",
  "%", "!", "{{constructor}}", "<w:t>", "]]>", "\u202e", "\ufeff", "ЕИК", "Стара Загора", "ї", "€", "😀", " ", "  "];

export const hostileString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom("а", "б", "в", "ж", "щ", "ъ", "ю", "я", "А", "Я", " ", "|", "*"), maxLength: 80 }),
  fc.integer({ min: 2_000, max: 20_000 }).map((n) => "Ж|*#".repeat(n / 4)),
);

export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, -0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER * 1000, 2 ** 53 + 1, -250000, 0.1),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(hostileString, fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("id", "bg", "en", "name", "x"), hostileString, { maxKeys: 2 }),
);

export type Mutation =
  | { kind: "delete"; file: string; pick: number }
  | { kind: "set"; file: string; pick: number; value: unknown }
  | { kind: "text"; file: string; edits: { at: number; remove: number; insert: string }[] };

const SYNTAX = [":", ": ", "-", "- ", " ", "  ", "\t", "{", "}", "[", "]", "'", "\"", "&a ", "*a", "*", "|", ">", "#", "\n",
  "\u0000", "%", "@", "`", "!!", "!!binary ", "? ", ",", "{{", "---\n", "...\n", "<<: *x\n", "\r", "\ufeff"];

export function mutation(files: string[]): fc.Arbitrary<Mutation> {
  const file = fc.constantFrom(...files);
  return fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), file, pick: fc.nat() }),
    fc.record({ kind: fc.constant("set" as const), file, pick: fc.nat(), value: wrongValue }),
    fc.record({ kind: fc.constant("text" as const), file,
      edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 4 }) }), { minLength: 1, maxLength: 4 }) }),
  );
}

/** The mutated text of `m.file`. */
export function apply(m: Mutation, original: string): string {
  if (m.kind === "text") {
    let text = original;
    for (const e of m.edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
    }
    return text;
  }
  const data = parse(original) as unknown;
  const paths = allPaths(data);
  if (paths.length === 0) return original;
  const path = paths[m.pick % paths.length]!;
  const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], data);
  const key = path[path.length - 1]!;
  if (m.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    parent[key] = m.value;
  }
  return stringify(data, { lineWidth: 0 });
}

export function writeFile(dir: string, rel: string, text: string): void {
  writeFileSync(join(dir, rel), text);
}
