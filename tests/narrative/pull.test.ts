// `edih narrative pull` through the built CLI, on DOCX files LibreOffice really edited and saved.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { edih, sha256File } from "../e2e/build-helpers.js";
import { appWithSlot, build, FIXTURES, libreOfficeEdits, narrativeFiles, PARTNER_SLOT, pull, rewriteDocx, SLOT, TYPED, zipFolder, type LoMode } from "./helpers.js";
import { tempDir } from "../temp.js";

const FILE = `budget-table/${SLOT}.en.md`;

/**
 * What LibreOffice saved after each edit, all made in one start of it (slow to start) on one build
 * of the English budget table and of Trakia University's commitment letter. Output is
 * deterministic, so each test's own build of these documents has the bytes that were edited (the
 * tests that put an edit into their own out/ check it).
 */
const BUDGET_EDITS = ["type", "resave", "track", "outside", "rich", "below"] as const satisfies readonly LoMode[];
let edited: Record<(typeof BUDGET_EDITS)[number] | "letter", string>;
let editedFrom: { budget: string; letter: string };
beforeAll(async () => {
  const dir = appWithSlot("pull-lo");
  await build(dir, "--only", "budget-table,commitment-letter", "--lang", "en", "--format", "docx");
  const budget = join(dir, "out/en/budget-table.docx");
  const letter = join(dir, "out/en/commitment-letter-trakia-university.docx");
  const saved = libreOfficeEdits([...BUDGET_EDITS.map((mode) => ({ docx: budget, mode })), { docx: letter, mode: "type", bookmark: "edih_contribution" }]);
  edited = { ...Object.fromEntries(BUDGET_EDITS.map((mode, i) => [mode, saved[i]!])), letter: saved.at(-1)! } as typeof edited;
  editedFrom = { budget: sha256File(budget), letter: sha256File(letter) };
});

describe("narrative pull of DOCX edited in LibreOffice", () => {
  let dir: string;
  let built: string;
  let typed: string;
  beforeAll(async () => {
    dir = appWithSlot("pull");
    await build(dir, "--format", "docx");
    built = join(dir, "out/en/budget-table.docx");
    expect(sha256File(built), "the DOCX LibreOffice edited").toBe(editedFrom.budget);
    typed = edited.type;
  });

  it("pulling the unedited build changes nothing, in either language", async () => {
    const r = await pull(dir, built, join(dir, "out/bg/budget-table.docx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${SLOT}: unchanged[\\s\\S]*${SLOT}: unchanged`));
    expect(narrativeFiles(dir)).toEqual({});
  });

  it("pulling the build after a LibreOffice open-and-save changes nothing", async () => {
    const r = await pull(dir, edited.resave);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`${SLOT}: unchanged`);
    expect(narrativeFiles(dir)).toEqual({});
  });

  it("without the DOCX's properties, the file name and the manifest still tell the document and what it held", async () => {
    const bare = join(dir, "out/en-copy");
    mkdirSync(join(bare, "en"), { recursive: true });
    const file = rewriteDocx(built, join(bare, "en/budget-table.docx"), { "docProps/custom.xml": undefined });
    const r = await pull(dir, file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${SLOT}: unchanged`);
    expect(narrativeFiles(dir)).toEqual({});
  });

  it("a paragraph, a bold word and a bullet list typed in LibreOffice come back as exactly that Markdown", async () => {
    const r = await pull(dir, typed);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${SLOT}: new \\(\\+16 words\\)`));
    expect(narrativeFiles(dir)).toEqual({ [FILE]: TYPED });
    const again = await pull(dir, typed);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${SLOT}: unchanged`);
  });

  it("a narrative file changed since the DOCX was built is not overwritten; --force takes the DOCX", async () => {
    const path = join(dir, "narrative", FILE);
    writeFileSync(path, "Written in the narrative file meanwhile.\n");
    const r = await pull(dir, typed);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cost-justification\.en\.md changed since .* was built; not overwritten/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(path, "utf8")).toBe("Written in the narrative file meanwhile.\n");
    const forced = await pull(dir, typed, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/cost-justification: updated \(\+15 −5 words\)/);
    expect(readFileSync(path, "utf8")).toBe(TYPED);
  });
});

describe("narrative pull refuses what it must not take silently", () => {
  let dir: string;
  let built: string;
  beforeAll(async () => {
    dir = appWithSlot("pull-refuse");
    await build(dir, "--format", "docx");
    built = join(dir, "out/en/budget-table.docx");
  });

  it("tracked changes stop the file, with the slot and the author; --accept-changes takes them", async () => {
    const tracked = edited.track;
    const r = await pull(dir, tracked);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^edih: .*tracked changes in slot cost-justification by [^;]+; accept or reject them in Word, or pull with --accept-changes\n$/);
    expect(narrativeFiles(dir)).toEqual({});
    const accepted = await pull(dir, tracked, "--accept-changes");
    expect(accepted.code).toBe(0);
    expect(narrativeFiles(dir)).toEqual({ [FILE]: TYPED });
  });

  it("text typed outside every slot is reported with the nearest heading and stops the file", async () => {
    const outside = edited.outside;
    const before = narrativeFiles(dir);
    const r = await pull(dir, outside);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(/text changed outside the slots, near "the beginning": not kept: edit the YAML or move it into a slot/);
    expect(narrativeFiles(dir)).toEqual(before);
    const ignored = await pull(dir, outside, "--ignore-outside");
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toMatch(/warning: .*text changed outside the slots/);
  });

  it("every bad file gets one line, exit 1, and nothing is written", async () => {
    const bad = join(dir, "bad");
    mkdirSync(bad, { recursive: true });
    const cases: [string, RegExp][] = [];
    writeFileSync(join(bad, "notes.docx"), "just text\n");
    cases.push(["notes.docx", /is not a DOCX \(not a zip package\)/]);
    copyFileSync(built, join(bad, "budget-table.docm"));
    cases.push(["budget-table.docm", /macro-enabled Word file \(\.docm\)/]);
    writeFileSync(join(bad, "locked.docx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    cases.push(["locked.docx", /encrypted or old-format \(\.doc\) Word file/]);
    rewriteDocx(built, join(bad, "bomb.docx"), { "word/document.xml": "<w:document/>" + " ".repeat(20 * 1024 * 1024) });
    cases.push(["bomb.docx", /zip bomb/]);
    rewriteDocx(built, join(bad, "other.docx"), { "docProps/custom.xml": undefined,
      "word/document.xml": readFileSync(join(FIXTURES, "word-content-controls/word/document.xml"), "utf8").replace(/<w:sdt>[\s\S]*<\/w:sdt>/, "") });
    cases.push(["other.docx", /has no edih slots: not a document edih built/]);
    rewriteDocx(built, join(bad, "macros.docx"), { "word/vbaProject.bin": "not really" });
    cases.push(["macros.docx", /contains macros/]);
    rewriteDocx(built, join(bad, "broken.docx"), { "word/document.xml": "<w:document><w:body></w:document>" });
    cases.push(["broken.docx", /word\/document\.xml: not well-formed XML/]);
    const before = narrativeFiles(dir);
    for (const [name, message] of cases) {
      const r = await pull(dir, join(bad, name));
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(r.stderr, name).not.toMatch(/internal error|at .*\.js:\d+/);
    }
    expect(narrativeFiles(dir)).toEqual(before);
  });

  it("never writes through a link out of the application folder", async () => {
    const outside = tempDir("outside");
    rmSync(join(dir, "narrative/budget-table"), { recursive: true, force: true });
    mkdirSync(join(dir, "narrative"), { recursive: true });
    symlinkSync(outside, join(dir, "narrative/budget-table"));
    const r = await pull(dir, edited.type);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cost-justification\.en\.md leads outside the application folder \(a link\?\); not written/);
    expect(readdirSync(outside)).toEqual([]);
    rmSync(join(dir, "narrative/budget-table"));
  });

  it("a folder without edih.yaml is wrong usage", async () => {
    const r = await pull(join(dir, "out"), built);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not an application folder \(no edih\.yaml\)/);
  });
});

describe("a DOCX with content controls as Word writes them", () => {
  it("pulls the same text, and lists the comment of its slot", async () => {
    const dir = appWithSlot("pull-word");
    const docx = zipFolder(join(FIXTURES, "word-content-controls"), join(dir, "from-word.docx"));
    const r = await pull(dir, docx);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("comment in slot cost-justification by Maria Ivanova: Check the co-funding decision number");
    expect(narrativeFiles(dir)).toEqual({ [FILE]: TYPED });
  });
});

describe("a per-partner document sent back by e-mail", () => {
  it("is known by its properties whatever its name, and its text goes to the partner's narrative folder", async () => {
    const dir = appWithSlot("pull-partner");
    await build(dir, "--only", "commitment-letter", "--lang", "en", "--format", "docx");
    expect(sha256File(join(dir, "out/en/commitment-letter-trakia-university.docx")), "the DOCX LibreOffice edited").toBe(editedFrom.letter);
    const inbox = join(dir, "inbox");
    mkdirSync(inbox);
    copyFileSync(edited.letter, join(inbox, "Letter from Trakia (signed).docx"));
    const r = await pull(dir, join(inbox, "Letter from Trakia (signed).docx"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(commitment-letter, trakia-university, en)");
    expect(narrativeFiles(dir)).toEqual({ [`commitment-letter/trakia-university/${PARTNER_SLOT}.en.md`]: TYPED });
  });
});

describe("a DOCX edited in place in out/", () => {
  it("is kept by the build (the budget changed meanwhile) until pulled, and rebuilt after", async () => {
    const dir = appWithSlot("pull-in-place");
    await build(dir, "--format", "docx");
    const docx = join(dir, "out/en/budget-table.docx");
    expect(sha256File(docx), "the DOCX LibreOffice edited").toBe(editedFrom.budget);
    copyFileSync(edited.type, docx);
    const handEdited = sha256File(docx);
    const yaml = join(dir, "edih.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("personnel: 420000,", "personnel: 432100,"));
    const kept = await edih(["apply", "build", dir, "--only", "budget-table", "--format", "docx"]);
    expect(kept.code).toBe(1);
    expect(kept.stderr + kept.stdout).toMatch(/budget-table\.docx was changed by hand since the last build; not overwritten/);
    expect(sha256File(docx)).toBe(handEdited);
    const r = await pull(dir, docx);
    expect(r.code).toBe(0);
    expect(narrativeFiles(dir)).toEqual({ [FILE]: TYPED });
    const rebuilt = await edih(["apply", "build", dir, "--only", "budget-table", "--format", "docx"]);
    expect(rebuilt.stdout + rebuilt.stderr).not.toMatch(/changed by hand/);
    expect(rebuilt.code).toBe(0);
    expect(sha256File(docx)).not.toBe(handEdited);
  });

  it("is not handed back while a build holds out/'s lock: the text is pulled, the bookkeeping left to the build", async () => {
    const dir = appWithSlot("pull-locked");
    await build(dir, "--format", "docx");
    const docx = join(dir, "out/en/budget-table.docx");
    expect(sha256File(docx), "the DOCX LibreOffice edited").toBe(editedFrom.budget);
    copyFileSync(edited.type, docx);
    // A live process on this host (this test's) holds the lock, as a running build would.
    writeFileSync(join(dir, "out/.edih-lock"), JSON.stringify({ pid: process.pid, started: new Date().toISOString(), host: hostname() }) + "\n");
    const r = await pull(dir, docx);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/warning: a build is writing out\/ now: the next build keeps this DOCX as edited by hand/);
    expect(narrativeFiles(dir)).toEqual({ [FILE]: TYPED });
    expect(existsSync(join(dir, "out/.edih-pending.json"))).toBe(false);
    expect(existsSync(join(dir, "out/.edih-lock"))).toBe(true);
  });
});

describe("italic, links and tables typed in LibreOffice", () => {
  it("come back as Markdown", async () => {
    const dir = appWithSlot("pull-rich");
    await build(dir, "--format", "docx", "--lang", "en");
    expect(sha256File(join(dir, "out/en/budget-table.docx")), "the DOCX LibreOffice edited").toBe(editedFrom.budget);
    const r = await pull(dir, edited.rich);
    expect(r.stderr).toBe("");
    expect(narrativeFiles(dir)).toEqual({ [FILE]: "Costs are *estimates*; see [the call](https://digital-strategy.ec.europa.eu/).\n\n"
      + "| Item  | Cost |\n| ----- | ---- |\n| Staff | 10   |\n" });
  });

  it("the box's instruction, left in place above the person's text, is not taken as theirs", async () => {
    const dir = appWithSlot("pull-below");
    await build(dir, "--format", "docx", "--lang", "en");
    expect(sha256File(join(dir, "out/en/budget-table.docx")), "the DOCX LibreOffice edited").toBe(editedFrom.budget);
    const r = await pull(dir, edited.below);
    expect(r.stderr).toBe("");
    expect(narrativeFiles(dir)).toEqual({ [FILE]: "Co-funding comes from the regional development budget.\n" });
  });
});
