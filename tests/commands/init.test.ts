import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "../../src/load/index.js";
import { parseApplication } from "../../src/schema/diagnose.js";
import { edih, errorsInWrittenData } from "./cli.js";
import { tempDir } from "../temp.js";

const fresh = () => join(tempDir("init"), "hub");
/** The "Still to do" list of init's closing message. */
const steps = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("  - ")).map((l) => l.slice(4));

async function parses(dir: string) {
  const loaded = await loadProject(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const parsed = parseApplication(loaded.project!);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.application!;
}

describe("edih init", () => {
  it("a folder argument that is a file, or lies under one, is wrong usage and writes nothing", async () => {
    const file = join(tempDir("init"), "a-file");
    writeFileSync(file, "kept\n");
    for (const [dir, said] of [[file, /is a file, not a folder/], [join(file, "hub"), /lies under .*a-file, which is a file/]] as const) {
      const r = await edih(["init", dir, "--yes"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(said);
      expect(r.stderr).not.toMatch(/bug in edih/);
    }
    expect(readFileSync(file, "utf8")).toBe("kept\n");
  });

  it("writes a valid application from flags", async () => {
    const dir = fresh();
    const r = await edih(["init", dir, "--call", "DIGITAL-2021-EDIH-01", "--acronym", "ZAGORE", "--name-bg", "ЕЦИХ Загоре",
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
    expect(await errorsInWrittenData(dir)).toEqual([]);
  });

  it("--yes takes defaults for everything not given", async () => {
    const dir = fresh();
    expect((await edih(["init", dir, "--yes", "--region", "BG34", "--nuts3", "BG344", "--city", "Стара Загора"])).code).toBe(0);
    const app = await parses(dir);
    expect(app.call).toBe("DIGITAL-2021-EDIH-01");
    expect(app.hub.acronym).toBe("HUB");
    expect(app.languages).toEqual(["bg", "en"]);
    expect(app.hub.legal_entity.seat.nuts3).toBe("BG344");
  });

  it("--yes never invents where the hub is: no region, seat or city without their flags, each listed as still to do", async () => {
    const dir = fresh();
    const r = await edih(["init", dir, "--yes"]);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "edih.yaml"), "utf8");
    expect(text).toMatch(/^ {2}region: null$/m);
    expect(text).toContain("seat: {city: null, nuts3: null}");
    expect(text).not.toMatch(/BG31|Видин/);
    expect(steps(r.stdout)).toEqual([
      expect.stringMatching(/^give the NUTS 2 region the hub covers: region: in edih\.yaml \(BG: BG31, BG32, BG33, BG34, BG41, BG42\)$/),
      "give the city of the hub's seat: legal_entity.seat.city in edih.yaml (and its nuts3)",
    ]);
  });

  it("--country PT: English only, legal form other, no ЕИК key, and the data passes its own validation once located", async () => {
    const dir = fresh();
    const r = await edih(["init", dir, "--yes", "--country", "PT", "--region", "PT11", "--nuts3", "PT11A", "--city", "Porto",
      "--legal-form-name", "associação sem fins lucrativos", "--vat", "PT 509 000 002"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "edih.yaml"), "utf8");
    expect(text).not.toMatch(/[А-я]|eik:/);
    const app = await parses(dir);
    expect(app.languages).toEqual(["en"]);
    expect(app.hub.name).toEqual({ en: "European Digital Innovation Hub HUB" });
    expect(app.hub.legal_entity).toMatchObject({ legal_form: "other", legal_form_name: "associação sem fins lucrativos", vat: "PT509000002" });
    expect(await errorsInWrittenData(dir)).toEqual([]);
    // A partner in Porto added by flags is English-only too and passes its own validation.
    const p = await edih(["partners", "add", dir, "--yes", "--name-en", "INESC TEC", "--legal-form", "other", "--legal-form-name", "associação privada",
      "--type", "research-organisation", "--nuts3", "PT11A", "--city", "Porto", "--roles", "coordinator"]);
    expect(p.stderr).toBe("");
    expect(p.code).toBe(0);
    expect(readFileSync(join(dir, "partners/inesc-tec.yaml"), "utf8")).not.toMatch(/[А-я]|eik:|bg:/);
    expect(await errorsInWrittenData(dir)).toEqual([]);
  });

  it("without a terminal and without --yes says which flags are missing and writes nothing", async () => {
    const dir = fresh();
    const r = await edih(["init", dir, "--acronym", "X"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a terminal.*--call.*--name-bg/);
    expect(r.stderr).not.toMatch(/--acronym/);
    expect(existsSync(dir)).toBe(false);
  });

  it("rejects a flag value outside the list (exit 2)", async () => {
    const r = await edih(["init", fresh(), "--yes", "--region", "XX99"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--region must be one of BG31/);
  });

  it("--example zagore copies the bundled example, pointing its schema comments at .edih/", async () => {
    const dir = fresh();
    const r = await edih(["init", dir, "--example", "zagore"]);
    expect(r.code).toBe(0);
    // Each created file once (the example's own .edih/ schemas are rewritten, not listed twice),
    // and never a build the user ran on the example (`apply build examples/zagore` leaves out/).
    const listed = r.stdout.split("\n").filter((l) => l.startsWith("  ")).map((l) => l.trim());
    expect(listed).toContain(".edih/schema.json");
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((f) => f.startsWith("out/"))).toEqual([]);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(readdirSync(join(dir, "partners")).length).toBe(15);
    expect(readFileSync(join(dir, "partners/trakia-university.yaml"), "utf8"))
      .toMatch(/^# yaml-language-server: \$schema=\.\.\/\.edih\/partner\.schema\.json$/m);
    expect(readFileSync(join(dir, "edih.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.edih\/schema\.json$/m);
    const app = await parses(dir);
    expect(app.partners).toHaveLength(15);
    expect(await edih(["init", fresh(), "--example", "nowhere"])).toMatchObject({ code: 2, stderr: expect.stringContaining("zagore") });
  });

  it("refuses to overwrite an existing application and touches no file", async () => {
    const dir = fresh();
    mkdirSync(join(dir, "partners"), { recursive: true });
    writeFileSync(join(dir, "partners/mine.yaml"), "# my work\nname: Mine\n");
    for (const args of [["--yes"], ["--example", "zagore"]]) {
      const r = await edih(["init", dir, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/already holds an application \(partners\/mine\.yaml\); nothing was changed/);
    }
    expect(readdirSync(dir)).toEqual(["partners"]);
    expect(readFileSync(join(dir, "partners/mine.yaml"), "utf8")).toBe("# my work\nname: Mine\n");
  });

  it("from flags alone: --coordinator and --service, then the partners the closing message asks for, validate with 0 errors", async () => {
    const dir = fresh();
    const r = await edih(["init", dir, "--yes", "--region", "BG34", "--nuts3", "BG344", "--city", "Стара Загора",
      "--coordinator", "trakia-university",
      "--service", "test-before-invest=AI test lab@trakia-university",
      "--service", "skills-and-training=Digital skills academy@trakia-university,chamber-stara-zagora",
      "--service", "support-to-find-investments=Investor readiness@chamber-stara-zagora",
      "--service", "ecosystem-and-networking=Регионални срещи@stara-zagora-municipality,chamber-stara-zagora"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "edih.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=.edih/schema.json");
    expect(text).toContain(`services:
  - id: ai-test-lab
    family: test-before-invest
    title: AI test lab
    providers: [trakia-university]
`);
    expect((await parses(dir)).services.map((s) => s.id))
      .toEqual(["ai-test-lab", "digital-skills-academy", "investor-readiness", "regionalni-sreshti"]);

    // The partners are not there yet: the closing message says which `partners add` each needs.
    const todo = steps(r.stdout);
    expect(todo).toEqual([
      `add partner trakia-university (the coordinator, provider of "ai-test-lab", "digital-skills-academy"): edih partners add ${dir} --id trakia-university --roles coordinator`,
      `add partner chamber-stara-zagora (provider of "digital-skills-academy", "investor-readiness", "regionalni-sreshti"): edih partners add ${dir} --id chamber-stara-zagora`,
      `add partner stara-zagora-municipality (provider of "regionalni-sreshti"): edih partners add ${dir} --id stara-zagora-municipality`,
    ]);
    // Following them, with each partner's own data, gives a valid application.
    const data: Record<string, string[]> = {
      "trakia-university": ["--name-bg", "Тракийски университет", "--name-en", "Trakia University", "--legal-form", "state-university", "--type", "higher-education"],
      "chamber-stara-zagora": ["--name-bg", "ТПП Стара Загора", "--name-en", "Chamber Stara Zagora", "--legal-form", "association", "--type", "chamber"],
      "stara-zagora-municipality": ["--name-bg", "Община Стара Загора", "--name-en", "Municipality of Stara Zagora", "--legal-form", "municipality", "--type", "public-authority"],
    };
    for (const step of todo) {
      const [, id, command] = /add partner (\S+) .*: edih (.*)$/.exec(step)!;
      const add = await edih([...command!.split(" "), "--yes", "--nuts3", "BG344", ...data[id!]!]);
      expect(add.stderr).toBe("");
      expect(add.code).toBe(0);
    }
    expect((await parses(dir)).partners.find((p) => p.id === "trakia-university")?.roles).toEqual(["coordinator"]);
    const v = await edih(["apply", "validate", dir]);
    expect(v.stdout).not.toMatch(/ error /);
    expect(v.stdout).toMatch(/✔ valid: 0 errors/);
    expect(v.code).toBe(0);
  });

  it("--yes alone writes the skeleton and lists exactly what validate will ask for", async () => {
    const errorRules = async (dir: string) => {
      const report = JSON.parse((await edih(["apply", "validate", dir, "--format", "json"])).stdout) as { diagnostics: Array<{ severity: string; ruleId: string }> };
      return report.diagnostics.filter((d) => d.severity === "error").map((d) => d.ruleId).sort();
    };
    const families = "test-before-invest, skills-and-training, support-to-find-investments, ecosystem-and-networking";

    const located = ["--region", "BG34", "--nuts3", "BG344", "--city", "Стара Загора"];
    const eu = fresh();
    const r = await edih(["init", eu, "--yes", ...located]);
    expect(r.code).toBe(0);
    // Missing service families are warnings in a draft; init still lists them as a step.
    expect(await errorRules(eu)).toEqual(["single-coordinator"]);
    expect(r.stdout).toMatch(/finds 1 error and \d+ warnings?\. Still to do:\n/);
    expect(steps(r.stdout)).toEqual([
      `add services in: ${families} (in edih.yaml under services:, each with family, title and providers)`,
      `add the coordinator: edih partners add ${eu} --roles coordinator`,
    ]);

    const national = fresh();
    const n = await edih(["init", national, "--yes", "--call", "BG-EDIH-PRESELECTION-2021", ...located]);
    expect(n.code).toBe(0);
    expect(await errorRules(national)).toEqual(["founders-minimum"]);
    expect(n.stdout).toMatch(/finds 1 error and \d+ warnings?\. Still to do:\n/);
    expect(steps(n.stdout)).toEqual([
      `add services in: ${families} (in edih.yaml under services:, each with family, title and providers)`,
      `add 3 founders that are legal persons (the association needs at least 3; 0 so far): edih partners add ${national} --roles founder`,
    ]);
  });

  it("--coordinator and --service are checked like every other flag (exit 2, nothing written)", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--service", "testing=AI lab@uni"], /--service: unknown family "testing"/],
      [["--service", "test-before-invest=AI lab"], /--service takes <family>=<title>@<provider>/],
      [["--service", "test-before-invest=@uni"], /--service: no title/],
      [["--service", "test-before-invest=AI lab@Trakia Uni"], /--service: provider "Trakia Uni" is not a valid id/],
      [["--coordinator", "Trakia"], /--coordinator: "Trakia" is not a valid id/],
      [["--coordinator", "none"], /--coordinator none: DIGITAL-2021-EDIH-01 needs exactly one coordinator/],
    ];
    for (const [flags, message] of cases) {
      const dir = fresh();
      const r = await edih(["init", dir, "--yes", ...flags]);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(dir)).toBe(false);
    }
    // The national stage has no coordinator rule: "none" is an answer there.
    expect((await edih(["init", fresh(), "--yes", "--call", "BG-EDIH-PRESELECTION-2021", "--coordinator", "none"])).code).toBe(0);
  });

  it("--help teaches with an example", async () => {
    for (const cmd of [["init"], ["partners"], ["partners", "add"], ["partners", "list"], ["partners", "remove"], ["schema"], ["apply", "diff"]]) {
      const r = await edih([...cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout, cmd.join(" ")).toMatch(/Examples?:\n\s+\$ edih /);
    }
  });
});
