// Runs the zod Application schema over the loaded data and turns every zod issue into a located
// Diagnostic with a message a consultant can act on (zod's own English is for programmers).
import { z } from "zod";
import type { Diagnostic, JsonPath, Location } from "../diagnostics.js";
import type { LoadedProject } from "../load/index.js";
import { Application } from "./application.js";
import { allowedKeys, allowedValues, describeAt } from "./introspect.js";
import { suggest } from "./suggest.js";

type Issue = z.core.$ZodIssue;

export interface SchemaResult {
  application?: Application;
  diagnostics: Diagnostic[];
}

export function parseApplication(project: LoadedProject): SchemaResult {
  const result = Application.safeParse(project.raw);
  if (result.success) return { application: result.data, diagnostics: [] };
  const ctx: Context = {
    raw: project.raw,
    locate: (p) => project.sourceMap.locate(p),
    locateKey: (p) => (project.sourceMap.locateKey ?? project.sourceMap.locate).call(project.sourceMap, p),
  };
  return { diagnostics: issuesToDiagnostics(result.error.issues, ctx) };
}

interface Context {
  raw: unknown;
  locate(path: JsonPath): Location | undefined;
  locateKey(path: JsonPath): Location | undefined;
}

function issuesToDiagnostics(issues: readonly Issue[], ctx: Context): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) out.push(...convert(issue, [], ctx));
  // A union can surface the same problem through several branches; report it once.
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function convert(issue: Issue, base: JsonPath, ctx: Context): Diagnostic[] {
  const path: JsonPath = [...base, ...(issue.path as (string | number)[])];
  const value = valueAt(ctx.raw, path);
  const name = showPath(path, ctx.raw);
  const make = (message: string, hint?: string, at: Location | undefined = ctx.locate(path)): Diagnostic =>
    ({ ruleId: "schema", severity: "error", message, ...(at ?? {}), path, ...(hint ? { hint } : {}) });

  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) return [missingKey(path, ctx, make, describe(path) ?? expectedHint(path, issue.expected))];
      return [make(`${name} should be ${expectedName(issue.expected)}, not ${receivedName(value)}`, typeHint(issue.expected, value, path))];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (value === undefined) return [missingKey(path, ctx, make, `one of: ${allowed.join(", ")}`)];
      return [enumDiagnostic(make, name, value, allowed)];
    }
    case "unrecognized_keys": {
      const keys = allowedKeys(Application, path).filter((k) => k !== "$schema" || path.length === 0);
      return issue.keys.map((key) => {
        const guess = suggest(key, keys);
        const hint = guess ? `did you mean \`${guess}\`?` : keys.length ? `keys allowed here: ${keys.join(", ")}` : undefined;
        return make(`unknown key \`${key}\`${path.length ? ` in ${name}` : ""}`, hint, ctx.locateKey([...path, key]));
      });
    }
    case "invalid_union":
      return unionDiagnostics(issue, path, value, ctx, make);
    case "too_small":
    case "too_big":
      return [make(`${name} ${sizeMessage(issue)}`, describe(path))];
    case "invalid_format":
      return [make(`${name}: ${formatMessage(issue, value)}`, describe(path))];
    case "invalid_key": {
      const key = String(path[path.length - 1]);
      const reasons = issue.issues.map((i) => (i.code === "invalid_format" ? formatMessage(i, key) : i.message)).join("; ");
      return [make(`key \`${key}\` in ${showPath(path.slice(0, -1), ctx.raw)} is not valid: ${reasons}`, undefined, ctx.locateKey(path))];
    }
    case "not_multiple_of":
      return [make(`${name} must be a multiple of ${issue.divisor}`)];
    default:
      return [make(`${name}: ${issue.message}`)];
  }
}

function unionDiagnostics(issue: z.core.$ZodIssueInvalidUnion, path: JsonPath, value: unknown, ctx: Context,
  make: (m: string, h?: string, at?: Location) => Diagnostic): Diagnostic[] {
  const branches = issue.errors;
  const name = showPath(path, ctx.raw);
  if (branches.length === 0) return [make(`${name}: ${issue.message}`)];
  // Enum + alias enum (legal forms, deliverable types): one list of everything accepted.
  if (branches.every((b) => b.length > 0 && b.every((i) => i.code === "invalid_value" && i.path.length === 0))) {
    const allowed = branches.flatMap((b) => b.flatMap((i) => (i as z.core.$ZodIssueInvalidValue).values.map(String)));
    return [enumDiagnostic(make, name, value, [...new Set(allowed)])];
  }
  // A branch whose type matched (e.g. the { bg, en } map of a Multilingual) explains the problem best.
  const typeMismatch = (i: Issue) => i.code === "invalid_type" && i.path.length === 0;
  const matched = branches.find((b) => !b.some(typeMismatch));
  if (matched) return matched.flatMap((i) => convert(i, path, ctx));
  const expected = [...new Set(branches.flatMap((b) => b.filter(typeMismatch).map((i) => (i as z.core.$ZodIssueInvalidType).expected)))];
  if (value === undefined) return [missingKey(path, ctx, make, describe(path))];
  const multilingual = expected.includes("string") && expected.includes("object");
  return [make(`${name} should be ${multilingual ? "text or a { bg: ..., en: ... } map" : expected.map(expectedName).join(" or ")}, not ${receivedName(value)}`,
    multilingual ? "Write one text for every language, or one per language: { bg: \"...\", en: \"...\" }." : undefined)];
}

/** A required key that is absent is reported at its parent's key: that is where it belongs. */
function missingKey(path: JsonPath, ctx: Context, make: (m: string, h?: string, at?: Location) => Diagnostic, hint?: string): Diagnostic {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const where = parent.length ? ` in ${showPath(parent, ctx.raw)}` : "";
  return make(`missing required key \`${key}\`${where}`, hint, parent.length ? ctx.locateKey(parent) : ctx.locate([]));
}

function enumDiagnostic(make: (m: string, h?: string) => Diagnostic, name: string, value: unknown, allowed: string[]): Diagnostic {
  const guess = typeof value === "string" ? suggest(value, allowed) : undefined;
  if (allowed.length === 1) return make(`${name} must be ${allowed[0]}, not ${shown(value)}`);
  const list = allowed.length > 40 ? `${allowed.slice(0, 40).join(", ")}, ...` : allowed.join(", ");
  return make(`${name}: ${shown(value)} is not one of the allowed values`,
    guess ? `did you mean \`${guess}\`? Allowed: ${list}` : `allowed: ${list}`);
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const bound = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      if (small && bound === 1) return "must not be empty";
      return `must have ${small ? "at least" : "at most"} ${bound} characters`;
    case "array": case "set":
      if (small && bound === 1) return "needs at least one item";
      return `must have ${small ? "at least" : "at most"} ${bound} items`;
    default:
      if (small && bound === 0 && !inclusive) return "must be greater than 0";
      if (small && bound === 0) return "must not be negative";
      return `must be ${small ? (inclusive ? "at least" : "greater than") : (inclusive ? "at most" : "less than")} ${bound}`;
  }
}

function formatMessage(issue: z.core.$ZodIssueInvalidStringFormat, value: unknown): string {
  switch (issue.format) {
    case "date": return `${shown(value)} is not a date written as YYYY-MM-DD (e.g. 2021-03-30)`;
    case "email": return `${shown(value)} is not an email address`;
    case "url": return `${shown(value)} is not a web address`;
    case "regex":
      // Our schemas give regexes a human message; zod's default ("Invalid string: must match ...") is not.
      return /^Invalid string/.test(issue.message) ? `${shown(value)} has the wrong form` : `${shown(value)}: ${issue.message}`;
    default: return `${shown(value)} is not a valid ${issue.format}`;
  }
}

function describe(path: JsonPath): string | undefined {
  return describeAt(Application, path.map((s) => (typeof s === "number" ? 0 : s)), z.globalRegistry as never);
}

function expectedHint(path: JsonPath, expected: string): string | undefined {
  const values = allowedValues(Application, path.map((s) => (typeof s === "number" ? 0 : s)));
  if (values.length > 0) return `one of: ${values.join(", ")}`;
  return `expected ${expectedName(expected)}`;
}

function typeHint(expected: string, value: unknown, path: JsonPath): string | undefined {
  // 20210330 looks like a date typed without hyphens: quoting it would only move the error.
  const ymd = typeof value === "number" ? /^(19|20)(\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.exec(String(value)) : null;
  if (expected === "string" && ymd) return `Write the date with hyphens, e.g. ${ymd[1]}${ymd[2]}-${ymd[3]}-${ymd[4]}.`;
  if (expected === "string" && typeof value === "number") return "Write it in quotes, e.g. \"" + String(value) + "\".";
  if ((expected === "number" || expected === "int") && typeof value === "string") {
    return /^[\d\s.,]+$/.test(value) ? "Write numbers without quotes, spaces or thousands separators, e.g. 12000.50." : undefined;
  }
  if (expected === "boolean") return "Write true or false.";
  if (expected === "array") return "Write a list: [a, b] or one `- item` per line.";
  return describe(path);
}

const EXPECTED_NAMES: Record<string, string> = {
  string: "text", number: "a number", int: "a whole number", boolean: "true or false", array: "a list",
  object: "a mapping of keys", record: "a mapping of keys", null: "empty", date: "a date",
};
function expectedName(expected: string): string {
  return EXPECTED_NAMES[expected] ?? expected;
}

function receivedName(value: unknown): string {
  if (value === null) return "empty";
  // YAML tags make these objects; they are not mappings the user wrote.
  if (value instanceof Uint8Array) return "binary data (!!binary)";
  if (value instanceof Date) return "a timestamp (!!timestamp)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text ${shown(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  return typeof value;
}

function shown(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? value.slice(0, 60) + "…" : value}"`;
  if (value === null || value === undefined) return "empty";
  if (typeof value === "object") return Array.isArray(value) ? "a list" : "a mapping";
  return String(value);
}

function valueAt(raw: unknown, path: JsonPath): unknown {
  let cur = raw;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** `partners[trakia-university].seat.nuts3`: list items are named by their id when they have one. */
function showPath(path: JsonPath, raw: unknown): string {
  let out = "";
  let cur: unknown = raw;
  for (const seg of path) {
    const next = cur !== null && typeof cur === "object" ? (cur as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === "number") {
      const id = next !== null && typeof next === "object" && !Array.isArray(next) ? (next as Record<string, unknown>).id : undefined;
      out += `[${typeof id === "string" && id ? id : seg}]`;
    } else {
      out += out ? `.${seg}` : seg;
    }
    cur = next;
  }
  return `\`${out || "(top level)"}\``;
}
