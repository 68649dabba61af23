// A stale output whose writers would be given exactly what made the file in out/ keeps that file's
// bytes instead of being laid out again (src/package/render-key.ts): what the build leaves is
// byte for byte what a fresh build of the same data writes, an edited file is never reused, and a
// draft's marked pages are never reused for a clean build.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage, type BuildOptions } from "../../src/package/build.js";
import { renderKey, type RenderKeyInput } from "../../src/package/render-key.js";
import { copyExample, treeHashes } from "../e2e/build-helpers.js";

const SCOPE: BuildOptions = { langs: ["en"], only: ["part-b", "statute", "declaration"] };
const PARTNER = "partners/m-s-hydraulic.yaml";

function replaceIn(file: string, pattern: RegExp, by: string): void {
  const text = readFileSync(file, "utf8");
  const next = text.replace(pattern, by);
  if (next === text) throw new Error(`${file}: ${pattern} not found`);
  writeFileSync(file, next);
}

/**
 * A fresh build of the folder's present data, in a folder of its own, every file laid out (not
 * taken from what this process rendered before): what a rebuild must equal.
 */
async function freshBuild(dir: string, opts: BuildOptions): Promise<Record<string, string>> {
  const out = join(dir, "fresh-out");
  const r = await buildPackage(dir, { ...opts, out, reuse: false });
  expect(r.reused).toEqual([]);
  return treeHashes(out);
}

describe("reusing an output whose writers' input did not change", () => {
  it("after a partner's short name changed, the documents that do not print it keep their bytes; out/ equals a fresh build", async () => {
    const dir = copyExample("reuse");
    expect((await buildPackage(dir, SCOPE)).reused).toEqual([]);
    replaceIn(join(dir, PARTNER), /^short_name: .*$/m, "short_name: M+S Hydraulic 2");
    const r = await buildPackage(dir, SCOPE);
    // Every document's data changed (the partner is in all of them); only Part B prints a short name.
    expect(r.written.sort()).toEqual(["en/declaration-m-s-hydraulic.docx", "en/declaration-m-s-hydraulic.pdf", "en/part-b.docx",
      "en/part-b.pdf", "en/statute.docx", "en/statute.pdf"]);
    expect(r.reused.sort()).toEqual(["en/declaration-m-s-hydraulic.docx", "en/declaration-m-s-hydraulic.pdf", "en/statute.docx", "en/statute.pdf"]);
    const rebuilt = treeHashes(join(dir, "out"));
    expect(rebuilt).toEqual(await freshBuild(dir, SCOPE));
    // The manifest records what each file was made from, so the next build finds nothing to do.
    expect((await buildPackage(dir, SCOPE)).written).toEqual([]);
  }, 300_000);

  it("a file kept from the same text is not parsed again: its fills and notes come from the manifest", async () => {
    const dir = copyExample("reuse-unparsed");
    const first = await buildPackage(dir, SCOPE);
    const file = join(dir, "out/manifest.json");
    type Entry = { path: string; fills?: number; notes?: string[] };
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { outputs: Entry[] };
    const statute = manifest.outputs.filter((o) => o.path.startsWith("en/statute."));
    // Recorded for every document whose text parsed without a problem, as the build reported them.
    expect(statute.map((o) => o.fills)).toEqual([first.fills["en/statute"], first.fills["en/statute"]]);
    expect(statute[0]!.notes).toEqual(first.notes["en/statute"] ?? []);
    // Marked so that only a build reading them from the manifest could report them.
    for (const o of statute) { o.fills = 4242; o.notes = ["recorded note"]; }
    writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
    replaceIn(join(dir, PARTNER), /^short_name: .*$/m, "short_name: M+S Hydraulic 2");
    const r = await buildPackage(dir, SCOPE);
    expect(r.reused).toEqual(expect.arrayContaining(["en/statute.docx", "en/statute.pdf"]));
    expect(r.fills["en/statute"]).toBe(4242);
    expect(r.notes["en/statute"]).toEqual(["recorded note"]);
    // Part B, laid out again, reports what its parse found.
    expect(r.fills["en/part-b"]).toBe(first.fills["en/part-b"]);
  }, 300_000);

  it("a file changed in out/ is laid out again, not reused, when --force overwrites it", async () => {
    const dir = copyExample("reuse-edited");
    await buildPackage(dir, SCOPE);
    appendFileSync(join(dir, "out/en/statute.pdf"), "changed by hand");
    replaceIn(join(dir, PARTNER), /^short_name: .*$/m, "short_name: M+S Hydraulic 2");
    const r = await buildPackage(dir, { ...SCOPE, force: true });
    expect(r.written).toContain("en/statute.pdf");
    expect(r.reused).not.toContain("en/statute.pdf");
    expect(r.reused).toContain("en/statute.docx");
    expect(treeHashes(join(dir, "out"))).toEqual(await freshBuild(dir, SCOPE));
  }, 300_000);

  it("an output whose manifest entry lacks what the writers report (a PDF's pages) is laid out again", async () => {
    const dir = copyExample("reuse-pages");
    await buildPackage(dir, SCOPE);
    const file = join(dir, "out/manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { outputs: { path: string; pages?: number }[] };
    delete manifest.outputs.find((o) => o.path === "en/statute.pdf")!.pages;
    writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
    replaceIn(join(dir, PARTNER), /^short_name: .*$/m, "short_name: M+S Hydraulic 2");
    const r = await buildPackage(dir, SCOPE);
    expect(r.reused).not.toContain("en/statute.pdf");
    expect(r.reused).toContain("en/statute.docx");
    expect(r.pages["en/statute.pdf"]).toBeGreaterThan(0);
    expect(treeHashes(join(dir, "out"))).toEqual(await freshBuild(dir, SCOPE));
  }, 300_000);

  it("a slot's text written in the other language only (a note in the slot names it) lays the document out again", async () => {
    const dir = copyExample("reuse-other-language");
    const scope: BuildOptions = { langs: ["en"], only: ["part-b"] };
    await buildPackage(dir, scope);
    writeFileSync(join(dir, "narrative/part-b/risks.bg.md"), "Рисковете са описани тук.\n");
    const r = await buildPackage(dir, scope);
    expect(r.written).toContain("en/part-b.pdf");
    expect(r.reused).toEqual([]);
    expect(treeHashes(join(dir, "out"))).toEqual(await freshBuild(dir, scope));
  }, 300_000);

  it("a clean build after a draft lays every page out again (the mark is part of what the writers get)", async () => {
    const dir = copyExample("reuse-draft");
    const app = join(dir, "edih.yaml");
    replaceIn(app, /region: BG34/, "region: BG99");
    const draft = await buildPackage(dir, { ...SCOPE, draft: true });
    expect(draft.stopped).toBe(false);
    replaceIn(app, /region: BG99/, "region: BG34");
    const clean = await buildPackage(dir, SCOPE);
    expect(clean.written.length).toBeGreaterThan(0);
    expect(clean.reused).toEqual([]);
  }, 300_000);
});

describe("renderKey", () => {
  const base = (): RenderKeyInput => ({
    format: "pdf",
    text: { meta: { title: "Statute", lang: "en" }, labels: { page: "Page" }, markdown: "Text.\n" },
    who: { document: "statute", lang: "en" },
    narrative: {},
    inserted: undefined,
  });
  const key = renderKey(base());

  it("is the same for the same input, whatever order its keys were written in", () => {
    const b = base();
    expect(renderKey({ ...b, who: { lang: "en", document: "statute" } })).toBe(key);
  });

  it.each<[string, (i: RenderKeyInput) => RenderKeyInput]>([
    ["the format", (i) => ({ ...i, format: "docx" })],
    ["a word of the Markdown", (i) => ({ ...i, text: { ...i.text, markdown: "Text!\n" } })],
    ["the title", (i) => ({ ...i, text: { ...i.text, meta: { ...i.text.meta, title: "Statutes" } } })],
    ["a label", (i) => ({ ...i, text: { ...i.text, labels: { page: "Seite" } } })],
    ["the draft mark", (i) => ({ ...i, draftMark: "DRAFT — 1 error" })],
    ["the copy (a partner's)", (i) => ({ ...i, who: { ...i.who, partner: "trakia-university" } })],
    ["a narrative file of this language", (i) => ({ ...i, narrative: { "narrative/statute/purpose.en.md": "a".repeat(64) } })],
    ["a narrative file of another language, present", (i) => ({ ...i, narrative: { "narrative/statute/purpose.bg.md": "present" } })],
    ["what the narrative files put into the tree", (i) => ({ ...i, inserted: "b".repeat(64) })],
  ])("changes with %s", (_what, change) => {
    expect(renderKey(change(base()))).not.toBe(key);
  });
});
