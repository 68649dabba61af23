// out/ is untrusted input: a received folder can hold any manifest, links, folders in place of
// files, another build's lock. In-process builds of one small document; no timing verdicts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage, type BuildOptions } from "../../src/package/build.js";
import { sha256 } from "../../src/domain/hash.js";
import { acquireLock, LockedError, LOCK_FILE } from "../../src/output/lock.js";
import { isSafeOutputPath, readManifestFile } from "../../src/output/manifest.js";
import { formatPlan } from "../../src/package/plan-text.js";
import { applicationStatus } from "../../src/package/status.js";
import { copyExample } from "../security/helpers.js";
import { tempDir } from "../temp.js";

const SMALL: BuildOptions = { only: ["budget-table"], langs: ["en"], formats: ["docx"] };
const { sandbox, project } = copyExample("edih-outfolder-");
const out = join(project, "out");
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Every file under a folder, links listed but not followed. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

function reset(): void {
  rmSync(out, { recursive: true, force: true });
}

describe("manifest paths never leave out/ (item 1)", () => {
  it.each(["../../../victim/known.txt", "/etc/passwd", "en/../../x.pdf", "en\\..\\x.pdf", ".hidden.pdf", "en/./a.pdf", "a/b/c.pdf", "en/a.txt", ""])(
    "the path %j is not an output path", (p) => expect(isSafeOutputPath(p)).toBe(false));
  it.each(["package-bg.pdf", "en/statute.docx", "bg/declaration-trakia-university.pdf"])("%j is", (p) => expect(isSafeOutputPath(p)).toBe(true));

  it("a manifest naming a file outside with its real hash cannot make a full build remove it", async () => {
    reset();
    const victim = join(sandbox, "victim");
    mkdirSync(victim, { recursive: true });
    writeFileSync(join(victim, "known.txt"), "precious");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "manifest.json"), JSON.stringify({ tool: { name: "edih", version: "0" }, call: "x", stage: "draft", draft: false, inputs: {},
      outputs: [{ path: "../../victim/known.txt", sha256: sha256(Buffer.from("precious")), size: 8, document: "d", lang: "en", format: "pdf", inputs: "x" }] }));
    expect(readManifestFile(out).problem).toMatch(/outputs\.0\.path: not a path inside out/);
    // The full (not partial) plan is what a full build executes: it must not name the file.
    const plan = (await buildPackage(project, { dryRun: true })).plan;
    expect(plan.length).toBe(146);
    expect(plan.some((d) => d.path.includes(".."))).toBe(false);
    expect(plan.some((d) => d.action === "remove")).toBe(false);
    expect(readFileSync(join(victim, "known.txt"), "utf8")).toBe("precious");
  });
});

describe("one build at a time (item 2)", () => {
  it("a build while another holds the lock stops with LockedError and writes nothing", async () => {
    reset();
    mkdirSync(out, { recursive: true });
    const lock = acquireLock(out);
    try {
      await expect(buildPackage(project, SMALL)).rejects.toThrow(LockedError);
      await expect(buildPackage(project, SMALL)).rejects.toThrow(/another edih build \(pid \d+ on .+, started .+\) holds .*\.edih-lock; this build wrote nothing/);
      expect(tree(out)).toEqual([LOCK_FILE]);
    } finally {
      lock.release();
    }
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it("two overlapping builds: one wins, the other stops; the manifest matches every file it records", async () => {
    reset();
    const results = await Promise.allSettled([buildPackage(project, SMALL), buildPackage(project, { ...SMALL, formats: ["docx", "pdf"] })]);
    const rejected = results.filter((r) => r.status === "rejected");
    for (const r of rejected) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(LockedError);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const { manifest } = readManifestFile(out);
    for (const o of manifest!.outputs) expect(sha256(readFileSync(join(out, o.path))), o.path).toBe(o.sha256);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  const env = (alive: boolean, host = "here") => ({ pid: 4242, host, now: () => new Date("2026-01-01T00:00:00Z"), alive: () => alive });
  const stale = (host: string) => {
    reset();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 999999, started: "2026-01-01T00:00:00Z", host }));
  };
  it("a lock whose process is gone on this host is broken", () => {
    stale("here");
    const lock = acquireLock(out, env(false));
    expect(JSON.parse(readFileSync(join(out, LOCK_FILE), "utf8"))).toMatchObject({ pid: 4242, host: "here" });
    lock.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });
  it("a lock whose process is alive is not broken", () => {
    stale("here");
    expect(() => acquireLock(out, env(true))).toThrow(/pid 999999 on here.*wrote nothing/);
  });
  it("a lock from another host is never broken: we cannot see its processes", () => {
    stale("elsewhere");
    try {
      acquireLock(out, env(false));
      expect.unreachable();
    } catch (err) {
      expect((err as LockedError).hint).toMatch(/another computer \(elsewhere\)/);
    }
  });
  it("a damaged lock is not broken, and says which file to delete", () => {
    reset();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, LOCK_FILE), "garbage");
    expect(() => acquireLock(out, env(false))).toThrow(/cannot be read as an edih lock/);
    rmSync(join(out, LOCK_FILE));
  });
});

describe("nothing under out/ is followed (items 3 and 9)", () => {
  let outside: string;
  beforeAll(() => { outside = tempDir("outside"); });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it("a linked out/en is refused, located; nothing is written through it and its temp-looking files survive", async () => {
    reset();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(outside, ".victim.123.tmp"), "not edih's");
    symlinkSync(outside, join(out, "en"));
    const r = await buildPackage(project, SMALL);
    const err = r.diagnostics.find((d) => d.ruleId === "unsafe-output");
    expect(err?.message).toMatch(/out\/en\/budget-table\.docx: en\/ is a symbolic link/);
    expect(r.written).toEqual([]);
    expect(readdirSync(outside)).toEqual([".victim.123.tmp"]);
  });

  it.each([
    ["a folder", (p: string) => mkdirSync(p, { recursive: true }), /is a folder where edih's file should be/],
    ["a dangling link", (p: string) => symlinkSync(join(outside, "nothing"), p), /symbolic link/],
    ["a link loop", (p: string) => symlinkSync(p, p), /symbolic link/],
    ["a link to a file outside", (p: string) => { writeFileSync(join(outside, "target.docx"), "theirs"); symlinkSync(join(outside, "target.docx"), p); }, /symbolic link/],
  ])("%s where an output goes: refused with a located error, no exception", async (_what, make, why) => {
    reset();
    mkdirSync(join(out, "en"), { recursive: true });
    make(join(out, "en/budget-table.docx"));
    const r = await buildPackage(project, { ...SMALL, force: true });
    const err = r.diagnostics.find((d) => d.ruleId === "unsafe-output");
    expect(err?.severity).toBe("error");
    expect(err?.message).toMatch(why);
    expect(r.written).toEqual([]);
    if (existsSync(join(outside, "target.docx"))) expect(readFileSync(join(outside, "target.docx"), "utf8")).toBe("theirs");
    expect((await applicationStatus(project)).outputs.find((o) => o.path === "en/budget-table.docx")?.status).toBe("refused");
  });
});

describe("a manifest of the wrong shape (item 8)", () => {
  it.each(["{}", "[]", '{"outputs":5}', '{"outputs":[null]}', '{"tool":{"name":"edih","version":"1"},"call":"x","stage":"draft","draft":false,"inputs":{},"outputs":[{"path":"en/a.docx"}]}', "{\"tool\":", ""])(
    "%j: named as not edih's manifest; existing files are kept as unknown, not 'edited by hand'", async (text) => {
      reset();
      await buildPackage(project, SMALL);
      writeFileSync(join(out, "manifest.json"), text);
      const before = readFileSync(join(out, "en/budget-table.docx"));
      const s = await applicationStatus(project);
      expect(s.manifestProblem).toBeTruthy();
      expect(s.outputs.find((o) => o.path === "en/budget-table.docx")?.reasons.join()).toMatch(/manifest\.json is not edih's manifest/);
      const r = await buildPackage(project, SMALL);
      expect(r.diagnostics.find((d) => d.ruleId === "manifest-unreadable")?.message).toMatch(/manifest\.json is not edih's manifest: /);
      const kept = r.diagnostics.find((d) => d.ruleId === "edited-output");
      expect(kept?.message).toMatch(/budget-table\.docx exists but is not recorded as edih's: manifest\.json is not edih's manifest/);
      expect(readFileSync(join(out, "en/budget-table.docx"))).toEqual(before);
      // --force rewrites them and the manifest.
      const forced = await buildPackage(project, { ...SMALL, force: true });
      expect(forced.written).toContain("en/budget-table.docx");
      expect(readManifestFile(out).problem).toBeUndefined();
    });
});

describe("apply build --dry-run and apply status print the same decisions", () => {
  const states: [string, () => void][] = [
    ["never built", () => reset()],
    ["after a small build", () => undefined],
    ["an output edited by hand", () => writeFileSync(join(out, "en/budget-table.docx"), "edited")],
    ["an output deleted", () => rmSync(join(out, "en/budget-table.docx"))],
    ["a folder in place of an output", () => { rmSync(join(out, "en/budget-table.docx")); mkdirSync(join(out, "en/budget-table.docx")); }],
    ["a manifest of the wrong shape", () => writeFileSync(join(out, "manifest.json"), '{"outputs":5}')],
    ["a file edih never wrote", () => writeFileSync(join(out, "en/statute.pdf"), "someone's")],
  ];
  it.each(states)("%s", async (name, mutate) => {
    if (name !== "never built") {
      reset();
      await buildPackage(project, SMALL);
    }
    mutate();
    const before = tree(out).map((p) => `${p}:${existsSync(join(out, p)) ? "" : "?"}`);
    const dry = await buildPackage(project, { dryRun: true });
    const status = await applicationStatus(project);
    expect(dry.plan).toEqual(status.plan);
    expect(formatPlan(dry.plan, "out", true)).toEqual(formatPlan(status.plan, "out", true));
    expect(formatPlan(dry.plan, "out", false)).toEqual(formatPlan(status.plan, "out", false));
    expect(tree(out).map((p) => `${p}:${existsSync(join(out, p)) ? "" : "?"}`)).toEqual(before);
  });
});
