import { execFileSync } from "../spawn.js";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Root } from "mdast";
import { bundledTemplatesDir, loadTemplateSet, renderDocument, type Lang, type RenderedDocument } from "../../src/render/index.js";
import type { DocNode } from "../../src/render/tree.js";
import { soffice, workerDir } from "../office.js";

export const FIX = join(import.meta.dirname, "../fixtures/documents");
export const sampleContext = JSON.parse(readFileSync(join(FIX, "sample/context.json"), "utf8")) as Record<string, unknown>;

export function renderSample(lang: Lang, context: Record<string, unknown> = sampleContext): RenderedDocument {
  const { set } = loadTemplateSet([FIX, bundledTemplatesDir()], "sample", lang);
  const r = renderDocument({ template: set!.template.source, templatePath: set!.template.path, partials: set!.partials,
    labels: set!.labels, context: { ...context, lang }, lang });
  if (!r.document) throw new Error(JSON.stringify(r.diagnostics));
  return r.document;
}

/** Words of the tree in document order: what both outputs must carry, in the same order. */
export function treeWords(doc: RenderedDocument): string[] {
  const words: string[] = [...doc.meta.title.split(/\s+/)];
  const walk = (n: DocNode) => {
    if (n.type === "text" || n.type === "html" || n.type === "inlineCode") words.push(...n.value.split(/\s+/));
    if (n.type === "textDirective") {
      words.push(...`[…${(n.children[0] as { value: string }).value}…]`.split(/\s+/));
      return;
    }
    if ("children" in n) for (const c of n.children as DocNode[]) walk(c);
  };
  walk(doc.tree as Root);
  return words.map(norm).filter((w) => w.length > 0);
}

export const norm = (s: string) => s.replace(/[\u00a0\s]+/g, " ").trim();

/** Index of the first word not found after its predecessor, or -1 when all are in order. */
export function firstOutOfOrder(words: string[], text: string): { index: number; word?: string; near?: string } {
  // Whitespace is dropped: line wrapping may split a word group (`[…` | `hint…]`) anywhere.
  const hay = text.replace(/[\u00a0\s]+/g, "");
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const at = hay.indexOf(words[i]!, pos);
    if (at < 0) return { index: i, word: words[i], near: hay.slice(Math.max(0, pos - 40), pos + 80) };
    pos = at + words[i]!.length;
  }
  return { index: -1 };
}

export function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  const parts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:p[\s>]/g)].map((m) => (m[1] === undefined ? "\n" : m[1]));
  return parts.join("").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** `raw` keeps content-stream order, which survives table cells that wrap differently per renderer. */
export function pdfText(file: string, mode: "layout" | "raw" = "layout"): string {
  // A word hyphenated at a line end comes out with a soft hyphen there: join it again.
  return execFileSync("pdftotext", [`-${mode}`, file, "-"], { encoding: "utf8" }).replace(/\u00ad\n[ \t]*/g, "");
}

/** Dark pixels (< 128) in page `page` of a PDF rendered gray at 50 dpi. */
export function darkPixels(file: string, page: number, dir: string): number {
  const out = join(dir, `px-${page}`);
  execFileSync("pdftoppm", ["-r", "50", "-gray", "-f", String(page), "-l", String(page), "-singlefile", file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString("latin1"))!;
  const data = pgm.subarray(header[0].length);
  let dark = 0;
  for (const v of data) if (v < 128) dark++;
  return dark;
}

export function save(dir: string, name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/**
 * DOCX → PDF with LibreOffice (one call for all files: it is slow to start), with Arial resolved to
 * Arimo, its metric twin bundled with edih, rather than whatever wider font the machine substitutes,
 * so the pages are those a Word user with Arial would see (as near as LibreOffice lays them out).
 */
export function libreOfficePdfs(files: string[], outdir: string): string[] {
  const arimo = dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/arimo/package.json"));
  // Kept by the worker with its font cache, as the profile is (tests/office.ts).
  const work = workerDir("office-arimo");
  const conf = join(work, "fonts.conf");
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n`
    + `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n<dir>${arimo}</dir>\n<cachedir>${join(work, "cache")}</cachedir>\n`
    // fontconfig's own metric aliases map Arial to Arimo once Arimo is installed; said here too.
    + `<alias binding="same"><family>Arial</family><accept><family>Arimo</family></accept></alias>\n</fontconfig>\n`);
  soffice(["--convert-to", "pdf", "--outdir", outdir, ...files], { profile: "arimo", env: { ...process.env, FONTCONFIG_FILE: conf } });
  return files.map((f) => join(outdir, `${basename(f).replace(/\.docx$/, "")}.pdf`));
}
