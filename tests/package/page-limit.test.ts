// The Part B page limit is checked on the rendered PDF: a call pack under development (its own
// folder, `callsDir`) with a limit below the example's Part B makes the build report the overflow.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPackage } from "../../src/package/build.js";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";
import { tempDir } from "../temp.js";

const ROOT = join(import.meta.dirname, "../..");

function callsWithLimit(limit: number, status: "V" | "I"): string {
  const dir = tempDir("calls");
  cpSync(join(ROOT, "data/calls"), dir, { recursive: true });
  const file = join(dir, "DIGITAL-2021-EDIH-01.yaml");
  const text = readFileSync(file, "utf8");
  const changed = text.replace(/(part_b_max_pages:\n\s+value: )70(\n(?:.*\n){2}\s+status: )I/, `$1${limit}$2${status}`);
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  return dir;
}

function example(): string {
  const dir = join(tempDir("limit"), "zagore");
  copyApplicationSources(join(ROOT, "examples/zagore"), dir);
  return dir;
}

describe("Part B page limit", () => {
  it("reports the overflow of the rendered Part B; an unconfirmed limit is a warning", async () => {
    const dir = example();
    const report = await buildPackage(dir, { callsDir: callsWithLimit(5, "I"), only: ["part-b"], langs: ["en"], formats: ["pdf"] });
    const pages = report.pages["en/part-b.pdf"]!;
    expect(pages).toBeGreaterThan(5);
    const d = report.diagnostics.filter((x) => x.ruleId === "page-limit");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: "warning", file: "en/part-b.pdf" });
    expect(d[0]!.message).toBe(`Part B has ${pages} pages, ${pages - 5} over the call's limit of 5 (limit unconfirmed [I]); pages beyond the limit are not evaluated`);

    // A confirmed limit is an error; a rebuild that skips Part B still checks it (page count kept in the manifest).
    const confirmed = { only: ["part-b"], langs: ["en"], formats: ["pdf" as const] };
    const again = await buildPackage(dir, { ...confirmed, callsDir: callsWithLimit(5, "V") });
    expect(again.written).toEqual(["en/part-b.pdf"]);
    expect(again.diagnostics.filter((x) => x.ruleId === "page-limit").map((x) => x.severity)).toEqual(["error"]);
    const third = await buildPackage(dir, { ...confirmed, callsDir: callsWithLimit(5, "V") });
    expect(third.written).toEqual([]);
    expect(third.skipped).toEqual(["en/part-b.pdf"]);
    expect(third.diagnostics.filter((x) => x.ruleId === "page-limit").map((x) => x.severity)).toEqual(["error"]);
  });

  it("is silent within the limit", async () => {
    const report = await buildPackage(example(), { only: ["part-b"], langs: ["en"], formats: ["pdf"] });
    expect(report.pages["en/part-b.pdf"]).toBeLessThanOrEqual(70);
    expect(report.diagnostics.filter((x) => x.ruleId === "page-limit")).toEqual([]);
  });
});
