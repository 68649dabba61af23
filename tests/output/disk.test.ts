// readDiskState keeps output hashes between rebuilds of one process (the watch loop); a file
// changed since must never keep its old hash, even at the same size and with its mtime put back.
import { createHash } from "node:crypto";
import { statSync, utimesSync, writeFileSync } from "node:fs";
import { tempDir } from "../temp.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDiskState } from "../../src/output/disk.js";

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
