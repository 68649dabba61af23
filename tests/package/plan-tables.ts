// State in → decisions out, shared by the pure plan test and the dry-run/status comparison.
import type { DiskEntry } from "../../src/output/disk.js";
import type { InputParts } from "../../src/output/manifest.js";
import type { Manifest, ManifestOutput } from "../../src/output/manifest.js";
import type { PlanInputs, PlanOptions } from "../../src/package/plan-outputs.js";

export interface PlanCase {
  name: string;
  manifest: Manifest | undefined;
  problem?: string;
  pending?: Record<string, string>;
  disk: Map<string, DiskEntry>;
  inputs: PlanInputs;
  options?: PlanOptions;
  /** `path: action/code`, in plan order. */
  expected: string[];
  reason?: RegExp;
}

const sha = (c: string) => c.repeat(64);
const parts = (data: string): InputParts => ({ tool: "1", data, templates: "t", call: "c", refdata: "r", draft: null });
const out = (path: string, content: string, inputs: string, p?: InputParts): ManifestOutput =>
  ({ path, sha256: sha(content), size: 1, document: "d", lang: "en", format: path.endsWith(".pdf") ? "pdf" : "docx", inputs, ...(p ? { parts: p } : {}) });
const manifest = (...outputs: ManifestOutput[]): Manifest =>
  ({ tool: { name: "edih", version: "1" }, call: "c", stage: "draft", draft: false, inputs: {}, outputs });
const file = (c: string): DiskEntry => ({ kind: "file", sha256: sha(c) });
const disk = (entries: Record<string, DiskEntry>) => new Map(Object.entries(entries));
const docs = (...d: { path: string; inputs?: string; parts?: InputParts }[]) => d;
const EVERYTHING = new Set(["en/a.docx", "en/a.pdf", "en/b.pdf"]);
const one = (inputs = "i1", p = parts("d1")): PlanInputs => ({ documents: docs({ path: "en/a.docx", inputs, parts: p }), packages: [], everything: EVERYTHING });

export const PLAN_TABLES: PlanCase[] = [
  { name: "never built: render, not built yet", manifest: undefined, disk: disk({}), inputs: one(), expected: ["en/a.docx: render/missing"] },
  { name: "built and untouched: carry", manifest: manifest(out("en/a.docx", "a", "i1")), disk: disk({ "en/a.docx": file("a") }), inputs: one(),
    expected: ["en/a.docx: carry/up-to-date"] },
  { name: "data changed: render, and says which part", manifest: manifest(out("en/a.docx", "a", "i0", parts("d0"))), disk: disk({ "en/a.docx": file("a") }),
    inputs: one(), expected: ["en/a.docx: render/stale"], reason: /^data changed$/ },
  { name: "older edih without parts: render, says so", manifest: manifest(out("en/a.docx", "a", "i0")), disk: disk({ "en/a.docx": file("a") }),
    inputs: one(), expected: ["en/a.docx: render/stale"], reason: /older edih/ },
  { name: "edited by hand, inputs changed: keep (error)", manifest: manifest(out("en/a.docx", "a", "i0", parts("d0"))), disk: disk({ "en/a.docx": file("b") }),
    inputs: one(), expected: ["en/a.docx: keep/edited"], reason: /changed by hand.*data changed/ },
  { name: "edited by hand, inputs unchanged: keep quietly", manifest: manifest(out("en/a.docx", "a", "i1")), disk: disk({ "en/a.docx": file("b") }),
    inputs: one(), expected: ["en/a.docx: keep/edited-current"] },
  { name: "edited by hand with --force: render", manifest: manifest(out("en/a.docx", "a", "i0")), disk: disk({ "en/a.docx": file("b") }),
    inputs: one(), options: { force: true }, expected: ["en/a.docx: render/forced"] },
  { name: "a file edih has no record of: keep as unknown", manifest: manifest(), disk: disk({ "en/a.docx": file("z") }), inputs: one(),
    expected: ["en/a.docx: keep/unknown"], reason: /no record in manifest\.json/ },
  { name: "an unreadable manifest is named as the cause of 'unknown'", manifest: undefined, problem: "outputs: expected array, received number",
    disk: disk({ "en/a.docx": file("a") }), inputs: one(), expected: ["en/a.docx: keep/unknown"], reason: /manifest\.json is not edih's manifest \(outputs: expected array/ },
  { name: "written by a killed build (pending hash): render", manifest: manifest(out("en/a.docx", "a", "i1")), pending: { "en/a.docx": sha("p") },
    disk: disk({ "en/a.docx": file("p") }), inputs: one(), expected: ["en/a.docx: render/interrupted"] },
  { name: "deleted by hand: render", manifest: manifest(out("en/a.docx", "a", "i1")), disk: disk({}), inputs: one(), expected: ["en/a.docx: render/missing"] },
  { name: "a symlink where the output goes: refuse", manifest: manifest(out("en/a.docx", "a", "i1")),
    disk: disk({ "en/a.docx": { kind: "unsafe", why: "it is a symbolic link" } }), inputs: one(), expected: ["en/a.docx: refuse/unsafe"], reason: /symbolic link/ },
  { name: "a folder where the output goes: refuse, even with --force", manifest: undefined,
    disk: disk({ "en/a.docx": { kind: "unsafe", why: "it is a folder where edih's file should be" } }), inputs: one(), options: { force: true },
    expected: ["en/a.docx: refuse/unsafe"] },
  { name: "no template: render (the renderer reports it)", manifest: undefined, disk: disk({}),
    inputs: { documents: docs({ path: "en/a.docx" }), packages: [], everything: EVERYTHING }, expected: ["en/a.docx: render/missing"] },
  { name: "a recorded output no longer in the application: remove", manifest: manifest(out("en/a.docx", "a", "i1"), out("en/gone.pdf", "g", "x")),
    disk: disk({ "en/a.docx": file("a"), "en/gone.pdf": file("g") }), inputs: one(), expected: ["en/a.docx: carry/up-to-date", "en/gone.pdf: remove/dropped"] },
  { name: "a dropped output edited by hand: keep", manifest: manifest(out("en/a.docx", "a", "i1"), out("en/gone.pdf", "g", "x")),
    disk: disk({ "en/a.docx": file("a"), "en/gone.pdf": file("h") }), inputs: one(), expected: ["en/a.docx: carry/up-to-date", "en/gone.pdf: keep/dropped-edited"] },
  { name: "a dropped output that is now a link: left alone", manifest: manifest(out("en/a.docx", "a", "i1"), out("en/gone.pdf", "g", "x")),
    disk: disk({ "en/a.docx": file("a"), "en/gone.pdf": { kind: "unsafe", why: "link" } }), inputs: one(), expected: ["en/a.docx: carry/up-to-date"] },
  { name: "a partial build (--only) removes nothing", manifest: manifest(out("en/a.docx", "a", "i1"), out("en/gone.pdf", "g", "x")),
    disk: disk({ "en/a.docx": file("a"), "en/gone.pdf": file("g") }), inputs: one(), options: { partial: true }, expected: ["en/a.docx: carry/up-to-date"] },
  { name: "package: a part re-renders, so the package does", manifest: manifest(out("en/a.pdf", "a", "i0"), out("package-en.pdf", "k", "p1")),
    disk: disk({ "en/a.pdf": file("a"), "package-en.pdf": file("k") }),
    inputs: { documents: docs({ path: "en/a.pdf", inputs: "i1", parts: parts("d1") }), packages: [{ path: "package-en.pdf", parts: ["en/a.pdf"], inputs: "p1" }], everything: EVERYTHING },
    expected: ["en/a.pdf: render/stale", "package-en.pdf: render/stale"], reason: /1 of its 1 documents change/ },
  { name: "package: parts and package up to date: carry", manifest: manifest(out("en/a.pdf", "a", "i1"), out("package-en.pdf", "k", "p1")),
    disk: disk({ "en/a.pdf": file("a"), "package-en.pdf": file("k") }),
    inputs: { documents: docs({ path: "en/a.pdf", inputs: "i1", parts: parts("d1") }), packages: [{ path: "package-en.pdf", parts: ["en/a.pdf"], inputs: "p1" }], everything: EVERYTHING },
    expected: ["en/a.pdf: carry/up-to-date", "package-en.pdf: carry/up-to-date"] },
  { name: "package: a part is a link: the package is refused too", manifest: undefined,
    disk: disk({ "en/a.pdf": { kind: "unsafe", why: "link" } }),
    inputs: { documents: docs({ path: "en/a.pdf", inputs: "i1", parts: parts("d1") }), packages: [{ path: "package-en.pdf", parts: ["en/a.pdf"] }], everything: EVERYTHING },
    expected: ["en/a.pdf: refuse/unsafe", "package-en.pdf: refuse/part-refused"] },
  { name: "package of a partial build waits for parts not built yet", manifest: undefined, disk: disk({}),
    inputs: { documents: docs({ path: "en/a.pdf", inputs: "i1", parts: parts("d1") }), packages: [{ path: "package-en.pdf", parts: ["en/a.pdf", "en/b.pdf"] }], everything: EVERYTHING },
    options: { partial: true }, expected: ["en/a.pdf: render/missing", "package-en.pdf: keep/incomplete"] },
];
