// Parses one YAML text into a Document (kept for positions) and its plain value. Every failure of
// the yaml package becomes a located diagnostic: syntax errors, duplicate keys, alias bombs.
import { isAlias, LineCounter, parseDocument, visit, type Document } from "yaml";
import { countText } from "../domain/digits.js";
import type { Diagnostic } from "../diagnostics.js";

export interface ParsedYaml {
  doc?: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JS value; undefined when the file could not be turned into data. */
  value?: unknown;
  diagnostics: Diagnostic[];
}

const MAX_YAML_ERRORS = 10;

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  let doc: Document.Parsed;
  try {
    // prettyErrors off: the messages stay one line; we add file:line:col ourselves.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    // The parser itself should not throw; a deeply nested input can still overflow the stack.
    return { lineCounter, diagnostics: [{
      ruleId: "yaml-syntax", severity: "error", file, line: 1, column: 1,
      message: `could not parse the YAML: ${err instanceof Error ? err.message : String(err)}`,
    }] };
  }
  const diagnostics: Diagnostic[] = [];
  // After a stack overflow or a run of errors the rest are echoes of the first ones.
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  const errors = overflow ? [overflow] : doc.errors.slice(0, MAX_YAML_ERRORS);
  for (const e of errors) {
    const duplicate = e.code === "DUPLICATE_KEY";
    diagnostics.push({
      ruleId: duplicate ? "duplicate-key" : "yaml-syntax", severity: "error", ...at(e.pos[0]),
      message: duplicate ? `duplicate key: ${keyText(text, e.pos)} is already given above in the same mapping`
        : /call stack/i.test(e.message) ? "the data is nested too deeply to read"
        : `YAML syntax error: ${oneLine(e.message)}`,
      hint: duplicate ? "Keep one of the two; YAML does not merge repeated keys." : yamlHint(e.code),
    });
  }
  if (!overflow && doc.errors.length > MAX_YAML_ERRORS) {
    const rest = doc.errors.length - MAX_YAML_ERRORS;
    diagnostics.push({ ruleId: "yaml-syntax", severity: "error", ...at(doc.errors[MAX_YAML_ERRORS]!.pos[0]),
      message: `${rest} more YAML error${rest === 1 ? "" : "s"} in this file (fix the first ones: the rest often follow from them)` });
  }
  for (const w of doc.warnings) {
    diagnostics.push({ ruleId: "yaml-syntax", severity: "warning", ...at(w.pos[0]), message: oneLine(w.message) });
  }
  if (doc.errors.length > 0) return { doc, lineCounter, diagnostics };
  const limits = scalarLimits(doc, at);
  if (limits.length) return { doc, lineCounter, diagnostics: [...diagnostics, ...limits] };

  if (doc.contents === null || isOnlyNull(doc)) {
    diagnostics.push({
      ruleId: "empty-file", severity: "error", file, line: 1, column: 1,
      message: "the file holds no data (it is empty or only comments)",
      hint: "Start from `edih init <folder> --example zagore` or copy a partner file from the example.",
    });
    return { doc, lineCounter, diagnostics };
  }
  try {
    // maxAliasCount stays at yaml's default (100): it is the guard against "billion laughs".
    const value = doc.toJS({ maxAliasCount: 100 });
    return { doc, lineCounter, value, diagnostics };
  } catch (err) {
    const unresolved = err instanceof Error ? /^Unresolved alias.*?: (.+)$/.exec(err.message) : null;
    if (unresolved) {
      // Not a bomb: a typo in the alias name, or the anchor defined below it.
      diagnostics.push({
        ruleId: "yaml-alias", severity: "error", ...(firstAliasOffset(doc) !== undefined ? at(firstAliasOffset(doc)!) : { file, line: 1, column: 1 }),
        message: `the alias *${unresolved[1]} refers to no anchor: &${unresolved[1]} is not defined above it`,
        hint: "define the anchor (&name) before the alias (*name), or check the spelling",
      });
    } else if (err instanceof ReferenceError || (err instanceof Error && /alias/i.test(err.message))) {
      diagnostics.push({
        ruleId: "alias-bomb", severity: "error", ...(firstAliasOffset(doc) !== undefined ? at(firstAliasOffset(doc)!) : { file, line: 1, column: 1 }),
        message: "too many YAML aliases (*name) expand here: the file would blow up in memory, so it was not read",
        hint: "Write the values out instead of nesting aliases of aliases.",
      });
    } else {
      diagnostics.push({
        ruleId: "yaml-syntax", severity: "error", file, line: 1, column: 1,
        message: `could not read the YAML data: ${oneLine(err instanceof Error ? err.message : String(err))}`,
      });
    }
    return { doc, lineCounter, diagnostics };
  }
}

/** Longest text one field may hold: a long narrative section is a few thousand characters. */
export const MAX_TEXT_CHARS = 50_000;

/**
 * Values YAML reads but edih could not keep exactly: an integer beyond 2^53 (9007199254740993
 * becomes …992) and texts no field needs (a 1 MB short_name). Located, with the limit named.
 */
function scalarLimits(doc: Document.Parsed, at: (offset: number) => { file: string; line: number; column: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      const where = at(node.range?.[0] ?? 0);
      if (typeof node.value === "number" && Number.isFinite(node.value) && Math.abs(node.value) > Number.MAX_SAFE_INTEGER) {
        out.push({ ruleId: "number-too-large", severity: "error", ...where,
          message: `the number ${node.source ?? String(node.value)} is larger than 2^53 (9007199254740991): it cannot be kept exactly`,
          hint: "an amount this large is a typing mistake; an identifier with many digits is written in quotes" });
      } else if (typeof node.value === "number" && !Number.isFinite(node.value)) {
        out.push({ ruleId: "number-too-large", severity: "error", ...where, message: `${node.source ?? String(node.value)} is not a finite number`,
          hint: "write the number out, or quote it if it is text" });
      } else if (typeof node.value === "string" && node.value.length > MAX_TEXT_CHARS) {
        out.push({ ruleId: "text-too-long", severity: "error", ...where,
          message: `this text has ${countText(node.value.length)} characters, more than the ${countText(MAX_TEXT_CHARS)} one field may hold`,
          hint: "is something pasted here by mistake? Long narrative belongs in the narrative files" });
      }
      return out.length >= 10 ? visit.BREAK : undefined;
    },
  });
  return out;
}

function isOnlyNull(doc: Document.Parsed): boolean {
  const c = doc.contents as { value?: unknown; range?: unknown } | null;
  return c !== null && "value" in c && c.value === null && !("items" in c);
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) { offset = node.range[0]; return visit.BREAK; }
      return undefined;
    },
  });
  return offset;
}

function keyText(text: string, pos: [number, number]): string {
  // yaml reports the start of the repeated key; the key runs to the colon on that line.
  const raw = text.slice(pos[0]).split("\n")[0]!.replace(/:(\s.*)?$/, "").replace(/^["']|["']$/g, "").trim();
  return raw ? `\`${raw.length > 40 ? raw.slice(0, 40) + "…" : raw}\`` : "this key";
}

function oneLine(message: string): string {
  // yaml appends " at line N, column M" and sometimes a code excerpt; we print our own location.
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?\s*$/, "").trim();
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case "BAD_INDENT": case "MISSING_CHAR": case "BLOCK_AS_IMPLICIT_KEY":
      return "Check the indentation (spaces, not tabs) and that every `key:` is followed by a space.";
    case "TAB_AS_INDENT":
      return "YAML indents with spaces only; replace the tab characters.";
    case "MULTILINE_IMPLICIT_KEY":
      return "A key must fit on one line; quote values that contain `: `.";
    default:
      return undefined;
  }
}
