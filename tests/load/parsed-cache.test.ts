// The parsed-input cache: used only with a build id and an .edih/ folder, trusted only for the
// same bytes and the same build, and giving exactly what parsing gives.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/index.js";
import { ParsedInputs, parseInput } from "../../src/load/parsed-cache.js";
import { setBuildId } from "../../src/domain/build-id.js";
import { tempDir } from "../temp.js";

const EXAMPLE = join(import.meta.dirname, "../../examples/zagore");
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

function app(withEdih = true): string {
  const dir = join(tempDir("cache"), "app");
  cpSync(EXAMPLE, dir, { recursive: true, filter: (p) => !p.includes("/.edih") && !p.endsWith("/out") });
  if (withEdih) mkdirSync(join(dir, ".edih"), { recursive: true });
  return dir;
}

function entries(dir: string): string[] {
  const root = join(dir, ".edih", "cache");
  return existsSync(root) ? readdirSync(root).flatMap((b) => readdirSync(join(root, b)).map((f) => `${b}/${f}`)) : [];
}

/** The loaded project as a test sees it: data, diagnostics, and a location for every partner id. */
async function snapshot(dir: string) {
  const r = await loadProject(dir);
  const partners = (r.project!.raw.partners as unknown[]).map((_p, i) => r.project!.sourceMap.locate(["partners", i, "id"]));
  const keys = [["hub", "name"], ["budget", "lines", 3, "personnel"], ["nowhere", 1]].map((p) => r.project!.sourceMap.locateKey!(p));
  return { raw: r.project!.raw, diagnostics: r.diagnostics, partners, keys };
}

afterEach(() => setBuildId(undefined as unknown as string));

describe("parsed-input cache", () => {
  it("is written on the first load and gives the same project, diagnostics and locations on the next", async () => {
    const dir = app();
    setBuildId("build-a");
    const first = await snapshot(dir);
    expect(entries(dir).length).toBe(1 + readdirSync(join(dir, "partners")).length);
    const second = await snapshot(dir);
    expect(second).toEqual(first);
    // Without a build id (dist/, sources) nothing is read or written: the same answers again.
    setBuildId(undefined as unknown as string);
    expect(await snapshot(dir)).toEqual(first);
  });

  it("keeps up with edits, with a moved folder, and with a new build", async () => {
    const dir = app();
    setBuildId("build-a");
    await snapshot(dir);
    const partner = join(dir, "partners", "m-s-hydraulic.yaml");
    writeFileSync(partner, readFileSync(partner, "utf8").replace(/^short_name: .*$/m, "short_name: Edited"));
    const edited = await snapshot(dir);
    expect(JSON.stringify(edited.raw)).toContain("Edited");
    const moved = join(dir, "..", "moved");
    renameSync(dir, moved);
    const there = await snapshot(moved);
    expect(there.diagnostics.every((d) => !d.file || d.file.startsWith(moved))).toBe(true);
    expect(there.partners.every((l) => l!.file.startsWith(moved))).toBe(true);
    setBuildId("build-b");
    await snapshot(moved);
    expect(new Set(entries(moved).map((e) => e.split("/")[0]))).toEqual(new Set(["yaml-build-b"]));
  });

  it("ignores an entry that does not match the file's bytes or the build", () => {
    const dir = app();
    setBuildId("build-a");
    const file = join(dir, "edih.yaml");
    const text = readFileSync(file, "utf8");
    const honest = parseInput(text, file, sha(text), dir);
    const entry = join(dir, ".edih", "cache", "yaml-build-a", `${sha(text)}.json`);
    const stored = JSON.parse(readFileSync(entry, "utf8")) as { sha256: string; value: Record<string, unknown> };
    // Control: an entry that matches is what the next load uses (the parser is not asked again).
    writeFileSync(entry, JSON.stringify({ ...stored, value: { fromCache: true } }));
    expect(parseInput(text, file, sha(text), dir).value).toEqual({ fromCache: true });
    writeFileSync(entry, JSON.stringify({ ...stored, sha256: "0".repeat(64), value: { forged: true } }));
    expect(parseInput(text, file, sha(text), dir).value).toEqual(honest.value);
    writeFileSync(entry, JSON.stringify({ ...stored, build: "build-z", value: { forged: true } }));
    expect(parseInput(text, file, sha(text), dir).value).toEqual(honest.value);
    writeFileSync(entry, "{ not json");
    expect(parseInput(text, file, sha(text), dir).value).toEqual(honest.value);
  });

  it("writes nothing where there is no .edih/ folder, and never caches what JSON would change", () => {
    const plain = app(false);
    setBuildId("build-a");
    const file = join(plain, "edih.yaml");
    const text = readFileSync(file, "utf8");
    parseInput(text, file, sha(text), plain);
    expect(existsSync(join(plain, ".edih"))).toBe(false);

    const dir = app();
    const odd = "limit: .inf\nratio: .nan\n";
    // YAML's .inf and .nan are refused at load (no amount is infinite), and nothing is cached for them.
    const r = parseInput(odd, join(dir, "edih.yaml"), sha(odd), dir);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([".inf is not a finite number", ".nan is not a finite number"]);
    expect(entries(dir)).toEqual([]);
  });

  it("kept by a session (the watch loop), answers the same file and bytes without parsing, a fresh copy each time", () => {
    const dir = app(false);
    const file = join(dir, "edih.yaml");
    const kept = new ParsedInputs();
    const first = parseInput("hub:\n  name: One\n", file, "sha-a", dir, kept);
    // Same file and hash: the kept result, although the text given now differs (the hash is the caller's word for the bytes).
    const again = parseInput("hub:\n  name: Two\n", file, "sha-a", dir, kept);
    expect(again.value).toEqual({ hub: { name: "One" } });
    expect(again.value).toEqual(first.value);
    (again.value as { hub: { name: string } }).hub.name = "changed by a caller";
    expect(parseInput("", file, "sha-a", dir, kept).value).toEqual({ hub: { name: "One" } });
    // Other bytes, or another file: parsed.
    expect(parseInput("hub:\n  name: Two\n", file, "sha-b", dir, kept).value).toEqual({ hub: { name: "Two" } });
    expect(parseInput("hub:\n  name: Three\n", join(dir, "other.yaml"), "sha-a", dir, kept).value).toEqual({ hub: { name: "Three" } });
    // Without a kept set nothing is remembered in memory.
    expect(parseInput("hub:\n  name: Four\n", file, "sha-a", dir).value).toEqual({ hub: { name: "Four" } });
  });
});
