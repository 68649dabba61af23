import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLE_FILE, firstNonAscii, RENDER_BUNDLE_FILE } from "../../src/startup/bundle-format.js";

const ROOT = join(import.meta.dirname, "../..");

describe("firstNonAscii", () => {
  it.each([
    { code: "", found: undefined },
    { code: "const a = \"\\u2013\"; /[\\u0416]/.test(x)", found: undefined },
    { code: "x.replace(/(\\d+)–\\1 p/, \"$1 p\")", found: 16 },
    { code: "/[MWmwЖж@]/", found: 6 },
    { code: "a\u007fb€", found: 3 },
  ])("$code → $found", ({ code, found }) => {
    expect(firstNonAscii(code)?.index).toBe(found);
  });

  it("shows the text before the character, to find it in the source", () => {
    expect(firstNonAscii(`${"x".repeat(60)}–${"y".repeat(20)}`)?.context).toBe(`${"x".repeat(40)}–${"y".repeat(9)}`);
  });
});

describe("the bundles the build made", () => {
  // A file with one non-ASCII character is held as a two-byte string, twice the memory.
  it.each([BUNDLE_FILE, RENDER_BUNDLE_FILE])("%s is ASCII", (file) => {
    expect(firstNonAscii(readFileSync(join(ROOT, file), "utf8"))).toBeUndefined();
  });
});
