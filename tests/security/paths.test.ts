// Output paths and inputs stay inside the application folder unless the user says otherwise;
// oversize inputs are refused with a message.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/index.js";
import { buildPackage } from "../../src/package/build.js";
import { Slug } from "../../src/schema/common.js";
import { validateProject } from "../../src/validate/index.js";
import { copyExample, ROOT } from "./helpers.js";
import { runCli } from "../run-cli.js";

const { sandbox, project } = copyExample("edih-sec-paths-");
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** edih in-process, run from `cwd` (relative --out paths are read from there). */
async function cli(args: string[], cwd = ROOT) {
  const r = await runCli(args, { cwd });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe("security: --out cannot leave the application folder without --allow-outside", () => {
  it.each([
    ["../elsewhere", "a relative path up and out"],
    ["out/../../elsewhere", "a path that climbs out through out/"],
    ["ABS", "an absolute path outside"],
  ])("--out %s (%s) exits 2 and writes nothing", async (out, _why) => {
    const target = out === "ABS" ? join(sandbox, "abs-elsewhere") : out;
    const r = await cli(["apply", "build", "app", "--out", target, "--only", "budget-table", "--lang", "en"], sandbox);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/outside the application folder/);
    expect(r.stderr).toMatch(/--allow-outside/);
    expect(readdirSync(sandbox).sort()).toEqual(["app"]);
  });

  it("--out through a symlink that points outside is refused too", async () => {
    symlinkSync(join(sandbox), join(project, "link-out"));
    const r = await cli(["apply", "build", "app", "--out", "app/link-out/escaped", "--only", "budget-table", "--lang", "en"], sandbox);
    rmSync(join(project, "link-out"));
    expect(r.status, r.stderr).toBe(2);
    expect(existsSync(join(sandbox, "escaped"))).toBe(false);
  });

  it("with --allow-outside the same build writes there", async () => {
    const target = join(sandbox, "allowed-out");
    const report = await buildPackage(project, { out: target, allowOutside: true, only: ["budget-table"], langs: ["en"], formats: ["docx"] });
    expect(report.stopped).toBe(false);
    expect(existsSync(join(target, "en/budget-table.docx"))).toBe(true);
    rmSync(target, { recursive: true });
  });
});

describe("security: partner ids cannot steer output paths", () => {
  it.each(["../../etc", "..", "../x", "a/b", "a\\b", "/etc/passwd", "C:\\x", "x/../../y", ".hidden", "a..b", "%2e%2e", "a\u0000b", "A"])(
    "the schema refuses the id %j", (id) => {
      expect(Slug.safeParse(id).success).toBe(false);
    });

  it("a partner with id ../../etc stops the build, even with --draft, and nothing is written outside out/", async () => {
    const file = join(project, "partners", "m-s-hydraulic.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, `id: ../../etc\n${original}`);
    try {
      const v = await validateProject(project);
      const bad = v.diagnostics.filter((d) => d.severity === "error" && d.path?.at(-1) === "id");
      expect(bad.length).toBeGreaterThan(0);
      const before = readdirSync(sandbox).sort();
      const report = await buildPackage(project, { draft: true, only: ["declaration"], langs: ["en"], formats: ["docx"] });
      expect(report.stopped).toBe(true);
      expect(report.written).toEqual([]);
      expect(readdirSync(sandbox).sort()).toEqual(before);
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe("security: inputs", () => {
  it("an oversize partner file is refused with a located message, not read", async () => {
    const big = join(project, "partners", "huge.yaml");
    writeFileSync(big, "");
    truncateSync(big, 6 * 1024 * 1024); // sparse: the size check must come before reading
    try {
      const r = await loadProject(project);
      const d = r.diagnostics.find((x) => x.ruleId === "file-too-large");
      expect(d).toBeDefined();
      expect(d!.file).toBe(big);
      expect(d!.message).toMatch(/6 MB.*5 MB/);
      expect(r.project).toBeUndefined();
    } finally {
      rmSync(big);
    }
  });

  it("an oversize edih.yaml makes the CLI exit 1 with the message", async () => {
    const dir = join(sandbox, "big-app");
    mkdirSync(dir);
    writeFileSync(join(dir, "edih.yaml"), "");
    truncateSync(join(dir, "edih.yaml"), 12 * 1024 * 1024);
    const r = await cli(["apply", "validate", dir]);
    rmSync(dir, { recursive: true });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/file-too-large/);
    expect(r.stdout + r.stderr).toMatch(/12 MB/);
  });

  // Decision (issue 6): a received application folder must not read files from elsewhere on the
  // machine (a link to ~/.ssh/id_rsa would print parts of it in diagnostics or documents).
  it("a partner file that is a symlink to a file outside the project is refused", async () => {
    const outside = join(sandbox, "outside-partner.yaml");
    writeFileSync(outside, readFileSync(join(project, "partners", "bia.yaml"), "utf8").replace(/short_name: .*/, "short_name: OUTSIDE-SECRET"));
    const link = join(project, "partners", "linked.yaml");
    symlinkSync(outside, link);
    try {
      const r = await loadProject(project);
      const refusal = r.diagnostics.find((d) => d.severity === "error" && d.file === link);
      expect(refusal, "a located error on the linked file").toBeDefined();
      expect(JSON.stringify(r.project?.raw ?? {})).not.toContain("OUTSIDE-SECRET");
    } finally {
      rmSync(link);
    }
  });

  it("a partner file that is a symlink inside the project is accepted", async () => {
    const link = join(project, "partners", "bia-again.yaml");
    mkdirSync(join(project, "shared"), { recursive: true });
    writeFileSync(join(project, "shared", "bia-again.yaml"), readFileSync(join(project, "partners", "bia.yaml"), "utf8"));
    symlinkSync(join(project, "shared", "bia-again.yaml"), link);
    try {
      const r = await loadProject(project);
      expect(r.diagnostics.filter((d) => d.file === link && d.severity === "error")).toEqual([]);
    } finally {
      rmSync(link);
      rmSync(join(project, "shared"), { recursive: true });
    }
  });
});
