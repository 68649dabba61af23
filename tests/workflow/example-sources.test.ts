import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyApplicationSources, isSourcePath } from "../../src/workflow/example-sources.js";
import { tempDir } from "../temp.js";

describe("copyApplicationSources", () => {
  it("copies the data and templates of an application folder but not what a build left in out/", () => {
    const from = tempDir("src");
    mkdirSync(join(from, "partners"));
    mkdirSync(join(from, "out/en"), { recursive: true });
    mkdirSync(join(from, "templates/outline"), { recursive: true });
    writeFileSync(join(from, "edih.yaml"), "hub: {}\n");
    writeFileSync(join(from, "partners/a.yaml"), "name: A\n");
    writeFileSync(join(from, "out/manifest.json"), "{}");
    writeFileSync(join(from, "out/en/part-b.pdf"), "%PDF");
    writeFileSync(join(from, "templates/outline/en.md.hbs"), "# x\n");
    writeFileSync(join(from, "outline.md"), "kept: only the top-level out/ folder is a build result\n");
    const to = join(tempDir("dst"), "copy");
    copyApplicationSources(from, to);
    expect(readFileSync(join(to, "partners/a.yaml"), "utf8")).toBe("name: A\n");
    expect(existsSync(join(to, "templates/outline/en.md.hbs"))).toBe(true);
    expect(existsSync(join(to, "outline.md"))).toBe(true);
    expect(existsSync(join(to, "out"))).toBe(false);
    expect(isSourcePath(from, join(from, "out/en/part-b.pdf"))).toBe(false);
    expect(isSourcePath(from, join(from, "partners/out.yaml"))).toBe(true);
  });
});
