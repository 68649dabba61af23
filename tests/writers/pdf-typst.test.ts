import { execFileSync } from "../spawn.js";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDocument, type Lang, type RenderedDocument } from "../../src/render/index.js";
import { parseMarkdown } from "../../src/render/tree.js";
import { typstSource } from "../../src/writers/pdf/build.js";
import { layoutPdf, writePdf } from "../../src/writers/pdf/index.js";
import { compileTypst, layTypst, typstFile } from "../../src/writers/pdf/typst.js";
import { NORMAL_DENSITY, TIGHTER } from "../../src/writers/theme.js";
import { pdfText, renderSample, save } from "./helpers.js";
import { tempDir } from "../temp.js";

const dir = tempDir("typst");
const flat = (s: string) => s.replace(/[\u00a0\u2060\s]+/g, "");

/** Text Typst would read as markup, code, a label, a reference, math or a comment. */
const TYPST_HOSTILE = [
  '#read("/etc/passwd")', "$x^2$", "@ref", "<x>", "// comment", "/* c */", "\\", "]", "[", "= Heading", "- item", "+ item",
  "_under_", "*star*", "`raw`", "#import \"@preview/x:0.1.0\"", '"quoted"', "#{panic()}", "#set text(red)", "~", "'", "\\u{41}",
].join(" ");

function doc(markdown: string, lang: Lang = "en", title = "T"): RenderedDocument {
  return { meta: { title, lang }, tree: parseMarkdown(markdown), fills: 0, notes: [], labels: { page: "Page", of: "of" } };
}

describe("Typst writer: text never becomes Typst", () => {
  it("prints Typst's specials literally wherever the tree carries text", async () => {
    const r = renderDocument({
      template: "---\ntitle: \"{{evil}}\"\n---\n# {{evil}}\n\n{{evil}} **{{evil}}** *{{evil}}*\n\n| a | {{evil}} |\n|---|---|\n| {{evil}} | x |\n\n" +
        ":::fill{#hostile}\n{{evil}}\n:::\n\nblank: {{blank evil}}\n\n:::signatures\n- **{{evil}}**\n:::\n",
      templatePath: "hostile.md.hbs", partials: {}, labels: { page: "Page", of: "of", fill: "#fill" }, context: { evil: TYPST_HOSTILE }, lang: "en",
    });
    const document = r.document!;
    // Link targets, inline code and code blocks are text too.
    document.tree.children.push(...parseMarkdown(`[${"x"}](https://e.x/"#read) \`#read("/x")\`\n\n\`\`\`\n#read("/etc/hostname") ]\n\`\`\`\n`).children);
    const pdf = save(dir, "hostile.pdf", await writePdf(document, { draftMark: TYPST_HOSTILE }));
    execFileSync("qpdf", ["--check", pdf]);
    const text = flat(pdfText(pdf, "raw"));
    const count = text.split(flat(TYPST_HOSTILE)).length - 1;
    // Title, running header, draft mark, heading, paragraph ×3, two cells, fill, blank, signatory.
    expect(count).toBeGreaterThanOrEqual(11);
    expect(text).toContain(flat('#read("/etc/hostname") ]'));
    expect(text).not.toMatch(/root:x:0/);
  });

  it("writes the tree's text only inside string literals", () => {
    const source = typstSource(doc(`# zqa #zqb\n\nzqplain *zqem* [zql](u) zqtext "zqq" \\\\ and \\]`));
    // Strip every string literal; what remains must hold none of the tree's words.
    const code = source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const word of ["zqa", "zqb", "zqplain", "zqem", "zql", "zqtext", "zqq"]) expect(code).not.toContain(word);
  });
});

describe("Typst writer: no file, font or network outside the bundle", () => {
  it.each([
    ['#read("/etc/hostname")'], ['#read("../../../../../../etc/hostname")'], ['#image("/etc/hostname")'],
    ['#include "/etc/hostname"'], ['#import "../../../../../../etc/hostname": *'],
  ])("refuses %s", (source) => {
    expect(() => compileTypst(source)).toThrow(/Typst could not lay out/);
  });

  it("embeds only Arimo, even for characters Arimo lacks (no machine font stands in)", async () => {
    const pdf = save(dir, "fonts.pdf", await writePdf(doc("Ж *ж* **Ж** ***ж*** 漢字 ✈ 🙂 ∑ \u0F00")));
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBe(4);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+Arimo-(Regular|Bold|Italic|BoldItalic)\s.*\byes\s+yes\s+yes\b/);
  });
});

describe("Typst writer: layout", () => {
  it("a filled narrative slot is body text; an empty one is the marked box", async () => {
    const tree = parseMarkdown(":::fill{#goals}\nWhat the hub aims at.\n:::\n\n:::fill{#plan}\nPlaceholder hint\n:::\n");
    const filled = tree.children[0] as { data?: Record<string, unknown>; children: unknown[] };
    filled.data = { filled: true };
    filled.children = parseMarkdown("The consultant's **own** text.\n\n- one\n- two\n").children;
    const d: RenderedDocument = { meta: { title: "T", lang: "en" }, tree, fills: 1, notes: [], labels: { fill: "To be completed" } };
    const text = pdfText(save(dir, "slots.pdf", await writePdf(d)));
    expect(text).toContain("The consultant's own text.");
    expect(text.match(/To be completed:/g)).toHaveLength(1);
    expect(text.indexOf("To be completed:")).toBeGreaterThan(text.indexOf("two"));
    const source = typstSource(d);
    expect(source.match(/#edih-fill\(/g)).toHaveLength(1);
  });

  it.each(["bg", "en"] as const)("justifies and hyphenates body text (%s)", async (lang) => {
    const words = lang === "bg"
      ? "Европейските цифрови иновационни хъбове подпомагат предприятията в процеса на цифровизацията посредством информационно-технологични услуги"
      : "European digital innovation hubs support organisations throughout their digitalisation with internationally recognised infrastructure";
    const pdf = save(dir, `hyph-${lang}.pdf`, await writePdf(doc(Array.from({ length: 8 }, () => words).join(" "), lang)));
    const raw = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    // A word split at a line end by the hyphenator: Typst marks the break with a soft hyphen.
    expect(raw).toMatch(/\p{Ll}\u00ad\n\p{Ll}/u);
    // Justified: the full lines of the paragraph end at the same column (the right margin).
    const boxes = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" });
    const lines = [...boxes.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // The body's lines (not the header, title, footer or the paragraph's last line) run from margin to margin.
    const full = lines.filter(([x0, x1]) => x1 - x0 > 300).slice(0, -1);
    expect(full.length).toBeGreaterThan(4);
    for (const [x0, x1] of full) {
      expect(Math.abs(x0 - 56.69)).toBeLessThan(1);
      // A hyphen at the line end may hang a little into the margin, as Typst sets it.
      expect(Math.abs(x1 - (595.28 - 56.69))).toBeLessThan(3);
    }
    const source = typstSource(doc("x", lang));
    expect(source).toContain("#set par(justify: true");
    expect(source).toContain(`lang: "${lang}"`);
  });

  it("gives the same bytes whatever the compiler laid out before", async () => {
    const sample = renderSample("bg");
    const first = await layoutPdf(sample);
    // Other documents, a failing one and an edited copy in between: memoised state must not leak.
    await writePdf(renderSample("en"));
    expect(() => compileTypst("#panic()")).toThrow();
    const edited = renderSample("bg");
    edited.tree.children.push(...parseMarkdown("One more paragraph.").children);
    expect((await layoutPdf(edited)).bytes).not.toEqual(first.bytes);
    const again = await layoutPdf(renderSample("bg"));
    expect(again.pages).toBe(first.pages);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(first.bytes))).toBe(0);
  });

  it("lays a named document out as a file of its own: the same bytes, and no other document can read it", async () => {
    const source = typstSource(renderSample("en"));
    const unnamed = compileTypst(source).bytes;
    // A named file follows its own earlier versions: an edited one, another document in between.
    expect(layTypst(`${source}\nOne more paragraph.\n`, "sample\nen").pages).toBeGreaterThan(0);
    compileTypst(typstSource(renderSample("bg")));
    const named = layTypst(source, "sample\nen");
    expect(Buffer.compare(Buffer.from(named.export().bytes), Buffer.from(unnamed))).toBe(0);
    expect(typstFile("sample\nen")).not.toBe(typstFile("sample\nbg"));
    // Compiled, then taken away again: `include` of it from another document finds no file.
    expect(() => compileTypst(`#include "/${basename(typstFile("sample\nen"))}"`)).toThrow(/file not found/);
    // The layout of a job names it; the pages and bytes do not depend on the name.
    const [laid, plain] = [await layoutPdf(renderSample("en"), { name: "sample\nen" }), await layoutPdf(renderSample("en"))];
    expect(laid.pages).toBe(plain.pages);
    expect(Buffer.compare(Buffer.from(laid.bytes), Buffer.from(plain.bytes))).toBe(0);
  });
});

/** Every construct the writer spaces: paragraphs, an intro kept with its list, lists, a quote, code, a rule, tables, boxes, signatures. */
const SPACED = `# Heading\n\n${"Intro paragraph long enough to wrap onto a second line of the page. ".repeat(3)}\n\nSecond paragraph.\n\n`
  + "## Items\n\n- one\n- two that is long enough to wrap onto the next line because it has very many words in it\n  - nested\n- three\n\n"
  + "It follows:\n\n3. third\n4. fourth\n\n- loose one\n\n  its second paragraph\n\n- loose two\n\n> Quoted one.\n>\n> Quoted two.\n\n"
  + "After the quote.\n\n```\ncode\n```\n\nAfter code.\n\n---\n\nAfter a rule.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter a table.\n\n"
  + "### Third\n\n- list after a heading\n\n:::fill\nShort fill.\n:::\n\n- list after a box\n\n:::fill\nLong fill. ".concat("Words and words. ".repeat(30), "\n\nIts second paragraph.\n:::\n\n")
  + "Closing words.\n\nPlace: Sofia\n\n:::signatures\n- **Signer One**, title\n- **Signer Two**, title\n:::\n";

/** Page images (gray, 60 dpi) of a PDF, in page order. */
function pageImages(pdf: string, out: string): Buffer[] {
  execFileSync("pdftoppm", ["-r", "60", "-gray", pdf, join(out, "p")]);
  return readdirSync(out).filter((f) => f.endsWith(".pgm")).sort().map((f) => readFileSync(join(out, f)));
}

describe("Typst writer: the paragraph gap of a density", () => {
  it("a tighter gap changes only the gap's binding, so Typst can reuse the paragraphs it laid out at the normal one", () => {
    const d = doc(SPACED);
    const normal = typstSource(d, { density: NORMAL_DENSITY }).split("\n");
    const tighter = typstSource(d, { density: TIGHTER[0]! }).split("\n");
    expect(tighter.length).toBe(normal.length);
    const changed = normal.flatMap((line, i) => (line === tighter[i] ? [] : [[line, tighter[i]]]));
    expect(changed).toEqual([["#let edih-gap = 0.205em + 6pt", "#let edih-gap = 0.205em + 3pt"]]);
  });

  it.each([NORMAL_DENSITY, ...TIGHTER].map((density) => [`${density.size} pt, gap ${density.paragraphGap} pt`, density] as const))(
    "lays pages out as Typst's own paragraph spacing would (%s)", (_name, density) => {
    const source = typstSource(doc(SPACED, "bg"), { density });
    // The same document with the gap as set rules on par, list and enum, and tight lists.
    const gaps = source.match(/\n\n#v\(edih-gap, weak: true\)/g)?.length ?? 0;
    expect(gaps).toBeGreaterThan(10);
    const reference = source
      .replaceAll("\n\n#v(edih-gap, weak: true)", "")
      .replaceAll("tight: false, spacing: edih-gap, ", "")
      .replace(/(#set par\(justify: true, leading: [^,]+, spacing: )[^)]+\)/, "$1edih-gap)")
      .replace("#set list(indent: 6pt)", "#set list(indent: 6pt, spacing: edih-gap)")
      .replace("#set enum(indent: 6pt)", "#set enum(indent: 6pt, spacing: edih-gap)");
    expect(reference).not.toContain("weak: true)\n");
    expect(reference).toContain("spacing: edih-gap)\n#set table.cell");
    const ours = pageImages(save(dir, "gap-ours.pdf", compileTypst(source).bytes), tempDir("gap-ours"));
    const theirs = pageImages(save(dir, "gap-reference.pdf", compileTypst(reference).bytes), tempDir("gap-reference"));
    expect(ours.length).toBeGreaterThan(1);
    expect(ours.length).toBe(theirs.length);
    ours.forEach((page, i) => expect(Buffer.compare(page, theirs[i]!), `page ${i + 1}`).toBe(0));
  });
});
