// Fixtures carry their expected diagnostics as `# expect: <rule-id>` comments on the offending
// line, so line numbers are computed from the file and never drift when a fixture is edited.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface Expected {
  /** Relative to the fixture folder, `/`-separated. */
  file: string;
  line: number;
  ruleId: string;
}

export function readExpectations(dir: string): Expected[] {
  const out: Expected[] = [];
  for (const abs of yamlFiles(dir)) {
    const file = relative(dir, abs).split(sep).join("/");
    readFileSync(abs, "utf8").split("\n").forEach((text, i) => {
      const m = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/.exec(text);
      if (!m) return;
      for (const ruleId of m[1]!.split(",")) out.push({ file, line: i + 1, ruleId: ruleId.trim() });
    });
  }
  return sortExpected(out);
}

export function sortExpected(list: Expected[]): Expected[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}

/** Turns an absolute or relative diagnostic file into the fixture-relative form of `Expected`. */
export function toFixturePath(file: string, dir: string): string {
  return relative(dir, file).split(sep).join("/");
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (e.name.endsWith(".yaml")) out.push(p);
  }
  return out.sort();
}
