import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "../../src/load/index.js";
import { parseApplication } from "../../src/schema/diagnose.js";
import { edih, errorsInWrittenData } from "./cli.js";

const fresh = () => join(mkdtempSync(join(tmpdir(), "edih-init-")), "hub");

async function parses(dir: string) {
  const loaded = await loadProject(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const parsed = parseApplication(loaded.project!);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.application!;
}

describe("edih init", () => {
  it("writes a valid application from flags", async () => {
    const dir = fresh();
    const r = edih(["init", dir, "--call", "DIGITAL-2021-EDIH-01", "--acronym", "ZAGORE", "--name-bg", "ЕЦИХ Загоре",
      "--name-en", "EDIH Zagore", "--country", "BG", "--region", "BG34", "--languages", "bg,en", "--technologies", "ai,hpc",
      "--duration", "36", "--legal-form", "association", "--nuts3", "BG344", "--city", "Стара Загора"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "edih.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=.edih/schema.json");
    expect(JSON.parse(readFileSync(join(dir, ".edih/schema.json"), "utf8")).title).toMatch(/edih\.yaml/);
    const app = await parses(dir);
    expect(app.hub).toMatchObject({ acronym: "ZAGORE", region: "BG34", technologies: ["ai", "hpc"],
      name: { bg: "ЕЦИХ Загоре", en: "EDIH Zagore" }, legal_entity: { legal_form: "association", public_benefit: true, seat: { nuts3: "BG344" } } });
    expect(errorsInWrittenData(dir)).toEqual([]);
  });

  it("--yes takes defaults for everything not given", async () => {
    const dir = fresh();
    expect(edih(["init", dir, "--yes", "--region", "BG34"]).code).toBe(0);
    const app = await parses(dir);
    expect(app.call).toBe("DIGITAL-2021-EDIH-01");
    expect(app.hub.acronym).toBe("HUB");
    expect(app.languages).toEqual(["bg", "en"]);
    expect(app.hub.legal_entity.seat.nuts3).toMatch(/^BG34\d$/);
  });

  it("without a terminal and without --yes says which flags are missing and writes nothing", () => {
    const dir = fresh();
    const r = edih(["init", dir, "--acronym", "X"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a terminal.*--call.*--name-bg/);
    expect(r.stderr).not.toMatch(/--acronym/);
    expect(existsSync(dir)).toBe(false);
  });

  it("rejects a flag value outside the list (exit 2)", () => {
    const r = edih(["init", fresh(), "--yes", "--region", "XX99"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--region must be one of BG31/);
  });

  it("--example zagore copies the bundled example, pointing its schema comments at .edih/", async () => {
    const dir = fresh();
    const r = edih(["init", dir, "--example", "zagore"]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "partners")).length).toBe(15);
    expect(readFileSync(join(dir, "partners/trakia-university.yaml"), "utf8"))
      .toMatch(/^# yaml-language-server: \$schema=\.\.\/\.edih\/partner\.schema\.json$/m);
    expect(readFileSync(join(dir, "edih.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.edih\/schema\.json$/m);
    const app = await parses(dir);
    expect(app.partners).toHaveLength(15);
    expect(edih(["init", fresh(), "--example", "nowhere"])).toMatchObject({ code: 2, stderr: expect.stringContaining("zagore") });
  });

  it("refuses to overwrite an existing application and touches no file", () => {
    const dir = fresh();
    mkdirSync(join(dir, "partners"), { recursive: true });
    writeFileSync(join(dir, "partners/mine.yaml"), "# my work\nname: Mine\n");
    for (const args of [["--yes"], ["--example", "zagore"]]) {
      const r = edih(["init", dir, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/already holds an application \(partners\/mine\.yaml\); nothing was changed/);
    }
    expect(readdirSync(dir)).toEqual(["partners"]);
    expect(readFileSync(join(dir, "partners/mine.yaml"), "utf8")).toBe("# my work\nname: Mine\n");
  });

  it("--help teaches with an example", () => {
    for (const cmd of [["init"], ["partners"], ["partners", "add"], ["partners", "list"], ["partners", "remove"], ["schema"], ["apply", "diff"]]) {
      const r = edih([...cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout, cmd.join(" ")).toMatch(/Examples?:\n\s+\$ edih /);
    }
  });
});
