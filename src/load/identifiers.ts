// ЕИК, PIC, VAT numbers, postcodes and phone numbers are strings. Written without quotes YAML reads
// them as numbers, and a leading zero is lost for good (`eik: 000818019` → 818019), so we catch
// them at the source, where the original digits are still visible.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Diagnostic, JsonPath } from "../diagnostics.js";

const IDENTIFIER_KEYS: Record<string, string> = {
  eik: "ЕИК/БУЛСТАТ", pic: "PIC", vat: "VAT number", postcode: "postcode", phone: "phone number",
};

export interface UnquotedIdentifier {
  /** Path inside this file's document. */
  path: JsonPath;
  /** The digits exactly as written. */
  sourceText: string;
  diagnostic: Diagnostic;
}

export function findUnquotedIdentifiers(doc: Document.Parsed, lineCounter: LineCounter, text: string, file: string): UnquotedIdentifier[] {
  const found: UnquotedIdentifier[] = [];
  const walk = (node: unknown, path: JsonPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const value = pair.value as Node | null;
        // Own properties only: a partner id like `constructor` is a valid key, not Object's.
        const label = Object.hasOwn(IDENTIFIER_KEYS, key) ? IDENTIFIER_KEYS[key] : undefined;
        if (label && isScalar(value) && (typeof value.value === "number" || typeof value.value === "bigint") && value.range) {
          const sourceText = text.slice(value.range[0], value.range[1]).trim();
          const { line, col } = lineCounter.linePos(value.range[0]);
          const lostZeros = /^[+-]?0\d/.test(sourceText);
          found.push({
            path: [...path, key], sourceText,
            diagnostic: {
              ruleId: "unquoted-identifier", severity: "error", file, line, column: col, path: [...path, key],
              message: lostZeros
                ? `${key}: ${sourceText} is read as the number ${String(value.value)}: the leading zeros are lost; write it in quotes`
                : `${key}: ${sourceText} is read as a number; a ${label} is text, write it in quotes`,
              hint: `${key}: "${sourceText}"`,
            },
          });
        } else {
          walk(value, [...path, key]);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return found;
}

/** Puts the digits as written back into the data, so later checks see the real identifier. */
export function restoreAsString(value: unknown, path: JsonPath, text: string): void {
  let cursor = value as Record<string | number, unknown> | undefined;
  for (const seg of path.slice(0, -1)) {
    if (cursor === null || typeof cursor !== "object") return;
    cursor = cursor[seg] as Record<string | number, unknown> | undefined;
  }
  if (cursor !== null && typeof cursor === "object") cursor[path[path.length - 1]!] = text;
}
