// Items 11, 12, 13, 15: environment errors and silent no-ops are reported as such, never as a
// bug in edih. In-process except the one case that needs a real full stdout (/dev/full).
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { environmentMessage } from "../../src/errors.js";
import { runCli } from "../run-cli.js";
import { parseYaml } from "../../src/load/parse-yaml.js";
import { findUnquotedIdentifiers } from "../../src/load/identifiers.js";
import { buildPackage } from "../../src/package/build.js";
import { copyExample, ROOT } from "../security/helpers.js";

const { sandbox, project } = copyExample("edih-env-");
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe("environment errors are one line naming the path and the cause (item 12)", () => {
  const errno = (code: string, path: string, syscall = "open") => Object.assign(new Error(`${code}: x`), { code, path, syscall });
  it.each([
    ["EACCES", /cannot use \/ro\/out: permission denied \(open\)/, /permissions/],
    ["ENOSPC", /cannot use \/ro\/out: no space left on the device/, /free some space/],
    ["EROFS", /read-only/, /permissions/],
  ])("%s", (code, message, hint) => {
    const m = environmentMessage(errno(code, "/ro/out"))!;
    expect(m.message).toMatch(message);
    expect(m.message).not.toContain("\n");
    expect(m.hint).toMatch(hint);
  });
  it("any other error is not an environment error", () => {
    expect(environmentMessage(new TypeError("x"))).toBeUndefined();
    expect(environmentMessage(Object.assign(new Error(), { code: "ERR_SOMETHING" }))).toBeUndefined();
  });
  it("an output folder under a file fails with an environment error, not a bug", async () => {
    const err = await buildPackage(project, { out: join(project, "edih.yaml", "out"), only: ["budget-table"], langs: ["en"], formats: ["docx"] }).catch((e: unknown) => e);
    expect(environmentMessage(err)?.message).toMatch(/edih\.yaml.*(a part of the path is a file|it already exists)/);
  });
});

describe("a failed write of the command's output is exit 1 (item 13)", () => {
  it.skipIf(!existsSync("/dev/full"))("edih schema > /dev/full", () => {
    const fd = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [join(ROOT, "bin/edih.js"), "schema"], { stdio: ["ignore", fd, "pipe"], encoding: "utf8", timeout: 600_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^edih: could not write the output: no space left on the device/);
    } finally {
      closeSync(fd);
    }
  });
});

describe("silent no-ops are usage errors (item 15)", () => {
  it.each([["--lang=", /--lang needs at least one of bg, en/], ["--lang=,,,", /--lang needs at least one of bg, en/],
    ["--only=", /--only needs a value/], ["--only= , ", /--only needs a value/]] as const)("apply build %s", async (flag, message) => {
    const r = await runCli(["apply", "build", project, flag]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("user keys are looked up as own properties (item 11)", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("a key named %s is not mistaken for an identifier field", (key) => {
    const text = `effort:\n  ${key}: 7\n`;
    const parsed = parseYaml(text, "x.yaml");
    expect(findUnquotedIdentifiers(parsed.doc!, parsed.lineCounter, text, "x.yaml")).toEqual([]);
  });
  it("eik written as a number is still caught", () => {
    const text = "eik: 000818019\n";
    const parsed = parseYaml(text, "x.yaml");
    expect(findUnquotedIdentifiers(parsed.doc!, parsed.lineCounter, text, "x.yaml")[0]?.diagnostic.message).toMatch(/leading zeros/);
  });
});

