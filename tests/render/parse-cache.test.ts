// parseMarkdownCached must give the tree parseMarkdown gives, positions included, whatever the
// text: on every bundled template rendered for the example, on generated Markdown made of the
// constructs a section cut could break, and after the caller changed an earlier result.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDeepStrictEqual } from "node:util";
import { validateProject } from "../../src/validate/index.js";
import { buildContext } from "../../src/model/index.js";
import { loadTemplateSet, markdownRenderer } from "../../src/render/index.js";
import { parseMarkdownCached, useSectionStore } from "../../src/render/parse-cache.js";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../temp.js";
import { parseMarkdown } from "../../src/render/tree.js";
import { templateSearchPath } from "../../src/domain/install.js";
import { planJobs } from "../../src/model/jobs.js";
import { EXAMPLE } from "../e2e/build-helpers.js";

describe("parseMarkdownCached", () => {
  it("equals one parse of the whole text for every document of the example, bg and en, every partner's copy", async () => {
    const v = await validateProject(EXAMPLE);
    const app = v.application!;
    const pack = v.callPack!;
    let compared = 0;
    // One compiled template set for all of a document's copies in a language, as a build has.
    const runners = new Map<string, ReturnType<typeof markdownRenderer>>();
    const runner = (document: string, lang: typeof app.languages[number]) => {
      const key = `${document}/${lang}`;
      if (!runners.has(key)) {
        const { set } = loadTemplateSet(templateSearchPath(EXAMPLE), document, lang);
        runners.set(key, markdownRenderer({ template: set!.template.source, templatePath: set!.template.path, partials: set!.partials,
          labels: set!.labels, lang, currency: app.budget.currency }));
      }
      return runners.get(key)!;
    };
    for (const job of planJobs(app, pack.documents)) {
      const run = runner(job.document, job.lang);
      const md = run(buildContext(app, { callPack: pack, lang: job.lang, ...(job.partner ? { partnerId: job.partner } : {}), draft: null })).markdown!;
      expect(isDeepStrictEqual(parseMarkdownCached(md), parseMarkdown(md)), job.base).toBe(true);
      compared++;
    }
    expect(compared).toBe(72);
  }, 300_000);

  // Lines chosen to straddle a cut: headings inside fences and directive boxes, setext
  // underlines, lists and quotes a heading ends, tables, HTML and definitions (never cut).
  const LINES = ["", "# Title", "## Section *two*", "###### deep", "#no-space", "Text with *emphasis* and `code`.", "more text",
    "- item", "  continued", "1. first", "> quoted", "> # heading in a quote", "| a | b |", "|---|---|", "| 1 | 2 |",
    "```", "``` js", "~~~", "    indented code", "# in code?", ":::fill{#needs-analysis}", ":::signatures", ":::", "::::note", "::::",
    "::toc", "---", "===", "Setext", "<div>", "<!-- comment", "-->", "[ref]: https://example.org", "[ref] link", "Word :blank[] here",
    "\t# tabbed", "   # three spaces"];

  it("equals one parse on generated Markdown", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.boolean(), (lines, trailing) => {
      const md = lines.join("\n") + (trailing ? "\n" : "");
      expect(parseMarkdownCached(md)).toEqual(parseMarkdown(md));
    }), { numRuns: 2000 });
  });

  // Found by the property above: an unclosed front matter fence, and a closing fence shorter than its opening.
  it.each(["---\n## Section *two*\n> quoted", "::::note\n:::\n###### deep", "::::note\n:::\n# in the note\n::::\n# after"])("equals one parse: %j", (md) => {
    expect(parseMarkdownCached(md)).toEqual(parseMarkdown(md));
  });

  it("hands out a fresh tree each time: a caller's changes never reach the next parse", () => {
    const md = "# One\n\nFirst.\n\n# Two\n\nSecond.\n";
    const first = parseMarkdownCached(md);
    (first.children[1] as { children: { value: string }[] }).children[0]!.value = "changed by a writer";
    first.children.pop();
    expect(parseMarkdownCached(md)).toEqual(parseMarkdown(md));
    // An edit in one section, then the same section back: the other section's positions follow.
    const longer = "# One\n\nFirst, now longer\nover two lines.\n\n# Two\n\nSecond.\n";
    expect(parseMarkdownCached(longer)).toEqual(parseMarkdown(longer));
    expect(parseMarkdownCached(md)).toEqual(parseMarkdown(md));
  });
});

describe("sections kept between runs (useSectionStore)", () => {
  const unique = (what: string) => `# ${what} ${Math.random().toString(36).slice(2)}\n\nSome *text* here.\n`;
  const shaOf = (text: string) => createHash("sha256").update(text).digest("hex");

  it("writes a parsed section under its text's hash, as parseMarkdown gives it", () => {
    const store = join(tempDir("sections"), "md-test");
    useSectionStore(store);
    try {
      const text = unique("written");
      expect(isDeepStrictEqual(parseMarkdownCached(text), parseMarkdown(text))).toBe(true);
      const kept = JSON.parse(readFileSync(join(store, `${shaOf(text)}.json`), "utf8")) as { sha256: string; tree: unknown };
      expect(kept.sha256).toBe(shaOf(text));
      expect(isDeepStrictEqual(kept.tree, parseMarkdown(text))).toBe(true);
    } finally {
      useSectionStore(undefined);
    }
  });

  it("takes a kept section instead of parsing (a tree no parse of the text could give)", () => {
    const store = join(tempDir("sections"), "md-test");
    mkdirSync(store, { recursive: true });
    const text = unique("kept");
    const forged = { type: "root", children: [{ type: "paragraph", children: [{ type: "text", value: "from the store" }] }] };
    writeFileSync(join(store, `${shaOf(text)}.json`), JSON.stringify({ sha256: shaOf(text), tree: forged }));
    useSectionStore(store);
    try {
      expect(parseMarkdownCached(text).children).toEqual(forged.children);
    } finally {
      useSectionStore(undefined);
    }
  });

  it.each([
    { name: "another hash inside", entry: (sha: string) => JSON.stringify({ sha256: sha.replace(/^./, "0"), tree: { type: "root", children: [] } }) },
    { name: "not a root", entry: (sha: string) => JSON.stringify({ sha256: sha, tree: { type: "paragraph", children: [] } }) },
    { name: "not JSON", entry: () => "{\"sha256\":" },
  ])("parses the text when the kept entry has $name", ({ entry }) => {
    const store = join(tempDir("sections"), "md-test");
    mkdirSync(store, { recursive: true });
    const text = unique("bad");
    writeFileSync(join(store, `${shaOf(text)}.json`), entry(shaOf(text)));
    useSectionStore(store);
    try {
      expect(isDeepStrictEqual(parseMarkdownCached(text), parseMarkdown(text))).toBe(true);
    } finally {
      useSectionStore(undefined);
    }
  });

  it("drops the folders of other builds when it first writes", () => {
    const cache = tempDir("sections");
    mkdirSync(join(cache, "md-older"), { recursive: true });
    writeFileSync(join(cache, "md-older", "x.json"), "{}");
    mkdirSync(join(cache, "yaml-older"), { recursive: true });
    useSectionStore(join(cache, "md-now"));
    try {
      parseMarkdownCached(unique("prune"));
      expect(readdirSync(cache).sort()).toEqual(["md-now", "yaml-older"]);
    } finally {
      useSectionStore(undefined);
    }
  });
});
