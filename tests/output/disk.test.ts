// readDiskState keeps output hashes between rebuilds of one process (the watch loop); a file
// changed since must never keep its old hash, even at the same size and with its mtime put back.
import { createHash } from "node:crypto";
import { readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tempDir } from "../temp.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKeptHashes, readDiskState, saveKeptHashes } from "../../src/output/disk.js";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const hashIn = (dir: string, path: string) => {
  const e = readDiskState(dir, [path]).get(path);
  return e?.kind === "file" ? e.sha256 : e?.kind;
};

describe("readDiskState's kept hashes", () => {
  it("sees a rewrite of the same size right after hashing", () => {
    const dir = tempDir("disk");
    writeFileSync(join(dir, "a.pdf"), "first");
    expect(hashIn(dir, "a.pdf")).toBe(sha("first"));
    writeFileSync(join(dir, "a.pdf"), "again");
    expect(hashIn(dir, "a.pdf")).toBe(sha("again"));
  });

  it("sees a rewrite of the same size with the old mtime put back, after the hash was kept", async () => {
    const dir = tempDir("disk");
    const file = join(dir, "b.pdf");
    writeFileSync(file, "older");
    // A whole second, so setting it again restores mtime to the nanosecond: only ctime tells.
    const when = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, when, when);
    // Hashed well after its last change, so the hash is kept (see FS_TICK_NS).
    await new Promise((r) => setTimeout(r, 2500));
    expect(hashIn(dir, "b.pdf")).toBe(sha("older"));
    const before = statSync(file, { bigint: true });
    writeFileSync(file, "newer");
    utimesSync(file, when, when);
    const after = statSync(file, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    expect(hashIn(dir, "b.pdf")).toBe(sha("newer"));
  }, 30_000);
});

describe("hashes kept between processes (loadKeptHashes, saveKeptHashes)", () => {
  const stampOf = (file: string) => {
    const i = statSync(file, { bigint: true });
    return `${i.dev}:${i.ino}:${i.size}:${i.mtimeNs}:${i.ctimeNs}`;
  };
  const FORGED = "f".repeat(64);
  /** An out/ folder with a.pdf, and a store whose text `content` makes from the folder and a.pdf's stamp, loaded. */
  const loadedStore = (content: (out: string, stamp: string) => unknown): string => {
    const out = tempDir("kept");
    writeFileSync(join(out, "a.pdf"), "bytes");
    const store = join(tempDir("kept-store"), "out-hashes.json");
    const text = content(out, stampOf(join(out, "a.pdf")));
    writeFileSync(store, typeof text === "string" ? text : JSON.stringify(text));
    loadKeptHashes(store, out);
    return out;
  };
  const forged = (out: string, stamp: string) => ({ version: 1, folder: out, hashes: { "a.pdf": { stamp, sha256: FORGED } } });

  it("takes an entry whose stamp is the file's, as the file's hash, without reading the file", () => {
    // A hash no read of the file could give: only the store can have told it.
    expect(hashIn(loadedStore(forged), "a.pdf")).toBe(FORGED);
  });

  it.each([
    { name: "another stamp (the file changed since)", store: (out: string, stamp: string) => ({ version: 1, folder: out, hashes: { "a.pdf": { stamp: stamp.replace(/:(\d+)$/, ":1"), sha256: FORGED } } }) },
    { name: "another folder", store: (_out: string, stamp: string) => ({ version: 1, folder: "/elsewhere/out", hashes: { "a.pdf": { stamp, sha256: FORGED } } }) },
    { name: "another version", store: (out: string, stamp: string) => ({ version: 2, folder: out, hashes: { "a.pdf": { stamp, sha256: FORGED } } }) },
    { name: "a hash of another shape", store: (out: string, stamp: string) => ({ version: 1, folder: out, hashes: { "a.pdf": { stamp, sha256: "not a hash" } } }) },
    { name: "an entry outside the folder", store: (out: string, stamp: string) => ({ version: 1, folder: join(out, "sub"), hashes: { "../a.pdf": { stamp, sha256: FORGED } } }) },
    { name: "not JSON", store: () => "{\"version\": 1, " },
  ])("ignores $name and hashes the file", ({ store }) => {
    expect(hashIn(loadedStore(store), "a.pdf")).toBe(sha("bytes"));
  });

  it("writes what it knows of one folder, and nothing when that did not change", () => {
    const out = loadedStore(forged);
    const to = join(tempDir("kept-store"), "cache", "out-hashes.json");
    saveKeptHashes(to, out);
    const saved = JSON.parse(readFileSync(to, "utf8")) as { folder: string; hashes: Record<string, { sha256: string }> };
    expect(saved.folder).toBe(out);
    expect(Object.keys(saved.hashes)).toEqual(["a.pdf"]);
    expect(saved.hashes["a.pdf"]!.sha256).toBe(FORGED);
    // Unchanged since: not written again.
    const before = statSync(to).mtimeMs;
    utimesSync(to, new Date(before - 60_000), new Date(before - 60_000));
    const older = statSync(to).mtimeMs;
    saveKeptHashes(to, out);
    expect(statSync(to).mtimeMs).toBe(older);
  });
});
