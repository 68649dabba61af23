import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";

export const ROOT = join(import.meta.dirname, "../..");
export const EXAMPLE = join(ROOT, "examples/zagore");

/** A fresh copy of the example inside a fresh temp folder; returns [sandbox, project]. */
export function copyExample(prefix: string): { sandbox: string; project: string } {
  const sandbox = mkdtempSync(join(tmpdir(), prefix));
  const project = join(sandbox, "app");
  copyApplicationSources(EXAMPLE, project);
  return { sandbox, project };
}

/** The visible text of a DOCX body (tags dropped). */
export function docxText(path: string): string {
  const xml = new TextDecoder().decode(unzipSync(readFileSync(path))["word/document.xml"]);
  return xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}
