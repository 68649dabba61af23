// Narrative Markdown is parsed once per distinct text (src/narrative/markdown.ts): what a caller
// gets equals a fresh parse, and is its own to change.
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { describe, expect, it } from "vitest";
import { parseNarrative } from "../../src/narrative/markdown.js";

const fresh = (text: string) => fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });

describe("parseNarrative", () => {
  const text = "The hub **serves** SMEs.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n";

  it("gives the tree of a fresh parse, the second time too", () => {
    expect(parseNarrative(text)).toEqual(fresh(text));
    expect(parseNarrative(text)).toEqual(fresh(text));
  });

  it("hands out a tree the caller may change without changing the next one", () => {
    const first = parseNarrative(text);
    first.children.splice(0, 1);
    (first.children[0] as { type: string }).type = "changed";
    expect(parseNarrative(text)).toEqual(fresh(text));
  });

  it("parses a changed text anew", () => {
    expect(parseNarrative(`${text}\nMore.\n`)).toEqual(fresh(`${text}\nMore.\n`));
  });
});
