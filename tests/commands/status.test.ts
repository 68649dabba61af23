// `edih apply status` through the built CLI: every planned output with its state, text and JSON.
import { describe, expect, it } from "vitest";
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyExample, edih } from "../e2e/build-helpers.js";

interface Status { planned: boolean; counts: Record<string, number>; outputs: { path: string; status: string; reasons: string[] }[] }
const status = async (dir: string, ...flags: string[]) => {
  const r = await edih(["apply", "status", dir, "--format", "json", ...flags]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Status;
};

describe("edih apply status", () => {
  it("lists every output of the plan as missing before the first build", async () => {
    const dir = copyExample("status");
    const s = await status(dir);
    expect(s.counts).toEqual({ "up-to-date": 0, stale: 0, edited: 0, missing: 146, refused: 0 });
    expect(s.outputs.map((o) => o.path)).toContain("bg/declaration-trakia-university.docx");
    expect(s.outputs.map((o) => o.path)).toContain("package-en.pdf");
    const text = await edih(["apply", "status", dir]);
    expect(text.code).toBe(0);
    // One line by default; every output with --verbose.
    expect(text.stdout).toBe("146 missing\n");
    const verbose = (await edih(["apply", "status", dir, "--verbose"])).stdout;
    expect(verbose).toMatch(/^ {2}missing {9}\S*out\/bg\/statute\.docx {2}→ render: not built yet$/m);
    expect(verbose).toMatch(/^146 missing\nnever built$/m);
  });

  it("follows a build: up to date, stale with the reason, edited by hand", async () => {
    const dir = copyExample("status");
    expect((await edih(["apply", "build", dir, "--only", "statute", "--lang", "bg"])).code).toBe(0);
    const state = (s: Status, p: string) => s.outputs.find((o) => o.path === p)!;
    let s = await status(dir);
    expect(state(s, "bg/statute.pdf").status).toBe("up-to-date");
    expect(state(s, "bg/statute.docx").status).toBe("up-to-date");
    expect(state(s, "en/statute.pdf").status).toBe("missing");
    expect(s.counts["up-to-date"]).toBe(2);

    const app = join(dir, "edih.yaml");
    writeFileSync(app, readFileSync(app, "utf8").replace("duration_months: 36", "duration_months: 36\n  website: https://example.org/zagore"));
    appendFileSync(join(dir, "out/bg/statute.docx"), "x");
    s = await status(dir);
    expect(state(s, "bg/statute.pdf")).toMatchObject({ status: "stale", reasons: ["data changed"] });
    expect(state(s, "bg/statute.docx").status).toBe("edited");
    expect(state(s, "bg/statute.docx").reasons.join("; ")).toMatch(/changed by hand since the last build, and data changed: a build keeps it, --force overwrites it/);
    const text = (await edih(["apply", "status", dir, "--verbose"])).stdout;
    expect(text).toMatch(/stale {11}\S*out\/bg\/statute\.pdf {2}→ render: data changed/);
    expect(text).toMatch(/edited by hand {2}\S*out\/bg\/statute\.docx {2}→ keep: changed by hand/);
    expect((await edih(["apply", "status", dir])).stdout).toMatch(/^1 edited by hand: \S*out\/bg\/statute\.docx; 1 stale: \S*out\/bg\/statute\.pdf; 144 missing$/m);

    // A template of the application's own overrides the bundled one: its outputs go stale for the template.
    const own = join(dir, "templates/statute");
    mkdirSync(own, { recursive: true });
    cpSync(join(import.meta.dirname, "../../templates/statute/bg.md.hbs"), join(own, "bg.md.hbs"));
    appendFileSync(join(own, "bg.md.hbs"), "\nДопълнителен текст.\n");
    expect(state(await status(dir), "bg/statute.pdf").reasons).toEqual(["data, template changed"]);
  });

  it("says the data has errors and exits 0; unreadable data exits 1", async () => {
    const dir = copyExample("status");
    const app = join(dir, "edih.yaml");
    writeFileSync(app, readFileSync(app, "utf8").replace("region: BG34", "region: BG99"));
    const r = await edih(["apply", "status", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the data has 1 error: a build stops unless --draft/);
    writeFileSync(app, "hub: [broken\n");
    const bad = await edih(["apply", "status", dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/cannot list the outputs until the data can be read/);
    expect((await edih(["apply", "status", dir, "--format", "xml"])).code).toBe(2);
  });
});
