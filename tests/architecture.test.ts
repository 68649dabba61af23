import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { installRoot } from "../src/domain/install.js";

/**
 * docs/ARCHITECTURE.md's table "What may import what" is the rule; this test reads it and holds
 * every relative import in src/ (static, `export … from` and `import()`) to it.
 */
const root = installRoot();
const src = join(root, "src");
const BASE = ["errors.ts", "diagnostics.ts", "inside.ts", "write-atomic.ts"];

export function allowedImports(markdown: string): Map<string, Set<string>> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith("What may import what"));
  if (!section) throw new Error("docs/ARCHITECTURE.md has no section 'What may import what'");
  const rows = new Map<string, Set<string>>();
  for (const line of section.split("\n")) {
    const m = /^\| `([^`]+?)\/?` \| [^|]+ \| ([^|]*)\|$/.exec(line);
    if (!m) continue;
    const may = m[2]!.split(",").map((s) => s.trim()).filter(Boolean)
      .flatMap((s) => (s === "base" ? BASE : [s]));
    rows.set(m[1]!, new Set(may));
  }
  return rows;
}

function unitOf(file: string): string {
  const rel = relative(src, file).split("\\").join("/");
  return rel.includes("/") ? rel.slice(0, rel.indexOf("/")) : rel;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []);
}

export function importsOf(source: string): string[] {
  const specs = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => m[1]!);
  return specs;
}

const rules = allowedImports(readFileSync(join(root, "docs", "ARCHITECTURE.md"), "utf8"));

describe("the map in docs/ARCHITECTURE.md", () => {
  it("names every folder and root file of src/, and nothing that is not there", () => {
    const units = new Set(readdirSync(src).filter((n) => !n.startsWith(".")));
    expect([...rules.keys()].sort()).toEqual([...units].sort());
  });

  it("is followed by every import", () => {
    const against: string[] = [];
    for (const file of sourceFiles(src)) {
      const from = unitOf(file);
      for (const spec of importsOf(readFileSync(file, "utf8"))) {
        const to = unitOf(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
        if (to === from) continue;
        if (!rules.get(from)?.has(to)) against.push(`${relative(root, file)} imports ${to} (${spec})`);
      }
    }
    expect(against).toEqual([]);
  });
});

describe("the check itself", () => {
  const doc = "## What may import what\n\n| folder | job | may import |\n|---|---|---|\n| `rules/` | checks | base, schema |\n| `model/` | context | base |\n\n## Next\n";
  it("reads rows and expands base", () => {
    expect(allowedImports(doc).get("rules")).toEqual(new Set([...BASE, "schema"]));
    expect(allowedImports(doc).get("model")).toEqual(new Set(BASE));
  });
  it("finds static, re-export and dynamic imports", () => {
    expect(importsOf('import { a } from "../model/index.js";\nexport { b } from "./x.js";\nconst c = await import("../render/index.js");\nimport "./side.js";\nimport { z } from "zod";'))
      .toEqual(["../model/index.js", "./x.js", "../render/index.js", "./side.js"]);
  });
});
