// The parsed-input cache answers "where is this path written" from a table; it must give the
// same file:line:column as walking the yaml Document, for every path, present or not.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import type { JsonPath } from "../../src/diagnostics.js";
import { documentPositions, positionTable, tablePositions } from "../../src/load/positions.js";

const EXAMPLE = join(import.meta.dirname, "../../examples/zagore");

const TRICKY = `# comment first
base: &base
  city: Sofia
  nuts3: BG411
list: [1, two, {three: 3}]
empty:
0: zero as a key
seat: *base
nested:
  - name: a
    tags: [x, y]
  - *base
  -
  - - deep
    - deeper
"quoted key": value
`;

/** Every path in the value, plus steps past the end, unknown keys and wrong kinds of step. */
function probes(value: unknown, path: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [path, [...path, "missing"], [...path, 99], [...path, 0]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...probes(v, [...path, i]), [...path, String(i)]));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...probes(v, [...path, k]));
  return out;
}

function compare(text: string): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const fromDoc = documentPositions(doc, lineCounter);
  const table = positionTable(doc, lineCounter)!;
  const fromTable = tablePositions(JSON.parse(JSON.stringify(table)) as typeof table);
  const paths = probes(doc.toJS());
  for (const path of paths) {
    for (const wantKey of [false, true]) {
      const a = fromDoc.linePos(fromDoc.offsetOf(path, wantKey));
      const b = fromTable.linePos(fromTable.offsetOf(path, wantKey));
      expect(b, `${JSON.stringify(path)} key=${wantKey}`).toEqual(a);
    }
  }
  return paths.length;
}

describe("position table", () => {
  it("locates every path of the example's files as the Document does", () => {
    const files = [join(EXAMPLE, "edih.yaml"), ...readdirSync(join(EXAMPLE, "partners")).map((f) => join(EXAMPLE, "partners", f))];
    for (const f of files) expect(compare(readFileSync(f, "utf8"))).toBeGreaterThan(4);
  });

  it("agrees on aliases, empty values, numeric keys, nested lists and paths that go past the file", () => {
    expect(compare(TRICKY)).toBeGreaterThan(50);
    expect(compare("just a scalar\n")).toBeGreaterThan(0);
  });

  it("gives up on a document whose aliases multiply into too many nodes", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 6; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    const lineCounter = new LineCounter();
    const doc = parseDocument(lines.join("\n"), { lineCounter });
    expect(positionTable(doc, lineCounter)).toBeUndefined();
  });
});
