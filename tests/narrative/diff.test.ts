import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffNarrative } from "../../src/narrative/diff.js";
import { wordDelta } from "../../src/narrative/word-diff.js";
import type { NarrativeFile } from "../../src/narrative/load.js";
import { copyExample, edih, EXAMPLE } from "../e2e/build-helpers.js";

const f = (slot: string, text: string): NarrativeFile => ({ document: "part-b", slot, lang: "en", path: `narrative/part-b/${slot}.en.md`, text, sha256: "" });

describe("wordDelta", () => {
  it("counts inserted and deleted words, not moved neighbours", async () => {
    expect(wordDelta("a b c d".split(" "), "a x c d e".split(" "))).toEqual({ added: 2, removed: 1 });
    expect(wordDelta([], ["a"])).toEqual({ added: 1, removed: 0 });
  });
});

describe("diffNarrative", () => {
  it("reports per slot file; a change of Markdown marks only is no change of words", async () => {
    const changes = diffNarrative([f("summary", "The hub serves SMEs."), f("risks", "Low uptake."), f("ethics", "None.")],
      [f("summary", "The hub serves **SMEs** and public bodies."), f("risks", "*Low* uptake."), f("maturity", "Running since 2021.")]);
    expect(changes.map((c) => [c.slot, c.change, c.wordsAdded, c.wordsRemoved])).toEqual([
      ["ethics", "removed", 0, 1], ["maturity", "added", 3, 0], ["summary", "changed", 4, 1]]);
  });
});

describe("apply diff", () => {
  it("shows narrative changes per slot, in text and JSON", async () => {
    const dir = copyExample("narrative-diff");
    writeFileSync(join(dir, "narrative/part-b/risks.en.md"), "Late national co-funding is the main risk.\n");
    rmSync(join(dir, "narrative/part-b/summary.bg.md"));
    const text = await edih(["apply", "diff", EXAMPLE, dir]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Narrative$/m);
    expect(text.stdout).toMatch(/^ {2}\+ added part-b: risks \(en\) {2}\+7 −0 words {2}narrative\/part-b\/risks\.en\.md$/m);
    expect(text.stdout).toMatch(/^ {2}- removed part-b: summary \(bg\) {2}\+0 −\d+ words/m);
    const json = JSON.parse((await edih(["apply", "diff", EXAMPLE, dir, "--format", "json"])).stdout) as { identical: boolean; narrative: { slot: string }[] };
    expect(json.identical).toBe(false);
    expect(json.narrative.map((c) => c.slot)).toEqual(["risks", "summary"]);
  });
});
