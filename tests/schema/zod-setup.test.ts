// The CLI checks its input once a process: zod's JIT (a `new Function` per object schema on its
// first parse) must be off before the first schema is made, because zod reads it then.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";

const ROOT = join(import.meta.dirname, "../..");
const before = z.config().jitless;
afterAll(() => { z.config({ jitless: before }); });

describe("schema/zod-setup", () => {
  it("turns zod's JIT off", async () => {
    z.config({ jitless: false });
    const fresh = "../../src/schema/zod-setup.js?fresh"; // a fresh copy: the suite shares one module graph per worker
    await import(/* @vite-ignore */ fresh);
    expect(z.config().jitless).toBe(true);
  });

  it("is the first module main.ts imports, so it runs before any module that makes a schema", () => {
    const firstImport = readFileSync(join(ROOT, "src/main.ts"), "utf8").split("\n").find((l) => l.startsWith("import "));
    expect(firstImport).toMatch(/^import "\.\/schema\/zod-setup\.js";/);
  });
});
