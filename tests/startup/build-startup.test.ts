// The build step after tsc keeps the data, bundle and code cache it made when nothing they are made
// from changed (npm test builds before every run): it says so, and leaves the files as they are.
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLE_FILE, CODE_CACHE_FILE } from "../../src/startup/bundle-format.js";
import { spawnSync } from "../spawn.js";

const ROOT = join(import.meta.dirname, "../..");
const SCRIPT = join(ROOT, "dist/scripts/build-startup.js");
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });

describe("build-startup after a build with no change", () => {
  it("finds its outputs up to date and keeps them (a rebuild would rewrite the bundle and drop the code cache)", () => {
    const check = run("--check");
    expect(check.stderr).toBe("build-startup: up to date\n");
    expect(check.status).toBe(0);
    const before = [BUNDLE_FILE, CODE_CACHE_FILE].map((f) => statSync(join(ROOT, f)).mtimeMs);
    const again = run();
    expect(again.stderr).toBe("build-startup: data and start-up bundle up to date\n");
    expect(again.status).toBe(0);
    expect([BUNDLE_FILE, CODE_CACHE_FILE].map((f) => statSync(join(ROOT, f)).mtimeMs)).toEqual(before);
  });
});
