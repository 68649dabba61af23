// Reads one input file defensively: size is checked before reading, bytes are checked before
// parsing, so a stray binary or a 20 MB export gives one located line instead of a hang.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics.js";
import { cleanText } from "./text.js";

/** Larger inputs are refused before parsing: a real application is a few hundred kilobytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ReadResult {
  text?: string;
  sha256?: string;
  diagnostics: Diagnostic[];
}

export async function readInputFile(absPath: string, displayPath: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const at = { file: displayPath, line: 1, column: 1 };
  const info = await stat(absPath);
  if (info.size > maxBytes) {
    return { diagnostics: [{
      ruleId: "file-too-large", severity: "error", ...at,
      message: `file is ${megabytes(info.size)} MB, more than the ${megabytes(maxBytes)} MB an application file may have; it was not read`,
      hint: "Is this the right file? Application data is plain YAML text, usually a few kilobytes.",
    }] };
  }
  const bytes = await readFile(absPath);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { sha256, diagnostics: [binary(displayPath, bytes, nul, "it contains NUL bytes")] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { sha256, diagnostics: [binary(displayPath, bytes, firstInvalidUtf8(bytes), "it is not valid UTF-8 text")] };
  }
  // TextDecoder drops a leading BOM already; cleanText also makes the text NFC.
  return { text: cleanText(text), sha256, diagnostics: [] };
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");
}

function binary(file: string, bytes: Uint8Array, offset: number, why: string): Diagnostic {
  const { line, column } = positionOfByte(bytes, offset);
  return {
    ruleId: "binary-file", severity: "error", file, line, column,
    message: `not a text file: ${why}`,
    hint: "Save the file as UTF-8 text (YAML), not as a spreadsheet or word-processor document.",
  };
}

/** Line/column of a byte offset, counting lines by LF; good enough to point into a broken file. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  }
  return { line, column: Math.max(1, offset - lineStart + 1) };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Binary search on prefix validity would be wrong (a prefix may cut a valid sequence); a linear
  // scan of lead bytes is simple and the file is at most a few megabytes.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try { decoder.decode(bytes.subarray(i, i + len)); } catch { return i; }
    i += len;
  }
  return 0;
}
