import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { edih, errorsInWrittenData } from "./cli.js";
import { tempDir } from "../temp.js";

const FIXTURE = join(import.meta.dirname, "../workflow/fixtures/inline");
const copy = () => {
  const dir = tempDir("partners-cli");
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
};

describe("edih partners", () => {
  it("list prints a table and JSON", async () => {
    const r = await edih(["partners", "list", FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^ID\s+NAME\s+TYPE\s+SEAT\s+REGION\s+ROLES\s+ЕИК\s+PIC\s+VAT$/);
    expect(r.stdout).toMatch(/^uni\s+University\s+higher-education\s+BG411\s+branch in region\s+founder,beneficiary\s+–\s+✓\s+–$/m);
    expect(r.stdout).toMatch(/4 partners, hub region BG34/);
    const j = JSON.parse((await edih(["partners", "list", FIXTURE, "--format", "json", "--lang", "bg"])).stdout);
    expect(j.map((p: { id: string }) => p.id)).toEqual(["town-hall", "uni", "lonely-ngo", "devalex"]);
    expect(j[0]).toMatchObject({ name: "Община", nuts3: "BG344", inRegion: "inside", eik: true });
  });

  it("takes the folder as its last argument like every command; --dir still works, with a note", async () => {
    const positional = await edih(["partners", "list", FIXTURE]);
    const old = await edih(["partners", "list", "--dir", FIXTURE]);
    expect(old.code).toBe(0);
    expect(old.stdout).toBe(positional.stdout);
    expect(old.stderr).toMatch(/^edih: note: the folder is the last argument in every command \(`edih partners list .*`\); --dir still works$/m);
    expect((await edih(["partners", "show", "devalex", "--dir", FIXTURE, "--format", "json"])).code).toBe(0);
    // The apply commands take --dir the same way.
    const v = await edih(["apply", "validate", "--dir", FIXTURE]);
    expect(v.stdout).toBe((await edih(["apply", "validate", FIXTURE])).stdout);
    expect(v.stderr).toContain("--dir still works");
    const help = await edih(["apply", "--help"]);
    expect(help.stdout).toMatch(/Examples:\n\s+\$ edih apply validate my-hub/);
  });

  it("show prints one partner with its file", async () => {
    const r = await edih(["partners", "show", "devalex", FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# partners\/devalex\.yaml:1\n/);
    expect(r.stdout).toContain("vat: BG123456786");
    expect((await edih(["partners", "show", "nobody", FIXTURE])).code).toBe(2);
  });

  it("add writes partners/<id>.yaml from flags; the application stays valid; a taken id is refused", async () => {
    const dir = copy();
    const args = ["partners", "add", dir, "--yes", "--name-bg", "Про Дрон Сис ООД", "--name-en", "Pro Drone Sys",
      "--legal-form", "ood", "--type", "enterprise", "--roles", "founder", "--nuts3", "BG411", "--city", "София"];
    const r = await edih(args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "partners/pro-drone-sys.yaml"), "utf8");
    expect(text).toContain("seat: {city: София, nuts3: BG411}");
    expect(await errorsInWrittenData(dir)).toEqual([]);
    expect(await edih(args)).toMatchObject({ code: 2, stderr: expect.stringContaining("already exists") });
    expect(await edih([...args.slice(0, 4), "--id", "Bad_Id", ...args.slice(4)])).toMatchObject({ code: 2, stderr: expect.stringContaining("kebab-case") });
    expect(await edih(["partners", "add", dir, "--name-en", "X"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/not a terminal.*--name-bg/) });
  });

  it("add takes ЕИК, VAT and PIC as flags, each checked as typed; nothing is written for a wrong one", async () => {
    const dir = copy();
    const base = ["partners", "add", dir, "--yes", "--name-bg", "Фирма", "--name-en", "Firma Test", "--legal-form", "eood",
      "--type", "enterprise", "--nuts3", "BG344", "--city", "Стара Загора"];
    const refused: Array<[string[], RegExp]> = [
      [["--eik", "175074751"], /^edih: --eik: ЕИК 175074751 fails its check digit/m],
      [["--vat", "BG175074751"], /^edih: --vat: VAT number BG175074751 fails its check digit/m],
      [["--vat", "IT00743110157"], /^edih: --vat: IT00743110157 is a VAT number of IT, but the seat is in BG/m],
      [["--pic", "12345"], /^edih: --pic: a PIC has 9 digits/m],
    ];
    for (const [flags, message] of refused) {
      const r = await edih([...base, ...flags]);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(dir, "partners/firma-test.yaml"))).toBe(false);
    }
    const ok = await edih([...base, "--eik", "175074752", "--vat", "BG 175 074 752", "--pic", "999999990"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const text = readFileSync(join(dir, "partners/firma-test.yaml"), "utf8");
    expect(text).toMatch(/^eik: "175074752"$/m);
    expect(text).toMatch(/^vat: BG175074752$/m);
    expect(text).toMatch(/^pic: "999999990"$/m);
    expect(await errorsInWrittenData(dir)).toEqual([]);
  });

  it("add asks a municipal founder for its council decision: flags write it, a bad date is refused", async () => {
    const dir = copy();
    const base = ["partners", "add", dir, "--yes", "--name-bg", "Община Ямбол", "--name-en", "Municipality of Yambol",
      "--legal-form", "municipality", "--type", "public-authority", "--roles", "founder", "--nuts3", "BG343", "--city", "Ямбол"];
    expect(await edih([...base, "--council-date", "2021-13-01"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--council-date") });
    expect(existsSync(join(dir, "partners/municipality-of-yambol.yaml"))).toBe(false);
    expect((await edih([...base, "--council-number", "123", "--council-date", "2021-02-25"])).code).toBe(0);
    const text = readFileSync(join(dir, "partners/municipality-of-yambol.yaml"), "utf8");
    expect(text).toContain('council_decision: {number: "123", date: 2021-02-25, protocol: null}');
    // Without the flags and without a terminal the decision is written as unknown, for validate to report.
    const other = await edih(["partners", "add", dir, "--yes", "--name-bg", "Община Сливен", "--name-en", "Municipality of Sliven",
      "--legal-form", "municipality", "--type", "public-authority", "--roles", "founder", "--nuts3", "BG342", "--city", "Сливен"]);
    expect(other.code).toBe(0);
    expect(readFileSync(join(dir, "partners/municipality-of-sliven.yaml"), "utf8")).toContain("council_decision: {number: null, date: null, protocol: null}");
  });

  it("remove refuses a referenced partner naming each reference, --force removes and warns, comments survive", async () => {
    const dir = copy();
    const r = await edih(["partners", "remove", "uni", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("edih.yaml:49:17  provider of service ai-lab (services.0.providers.0)");
    expect(r.stderr).toContain("edih.yaml:66:16  budget line 2 (budget.lines.1.partner)");
    expect(r.stderr).toMatch(/lead of deliverable D1\.1/);
    expect(r.stderr).toMatch(/effort in WP1/);
    const f = await edih(["partners", "remove", "uni", dir, "--force"]);
    expect(f.code).toBe(0);
    expect(f.stdout).toMatch(/remain and `edih apply validate` will report them/);
    const after = readFileSync(join(dir, "edih.yaml"), "utf8");
    expect(after).not.toMatch(/- id: uni/);
    expect(after).toContain("# A small consortium with inline partners (kept comment: do not lose me)");
    expect((await edih(["partners", "remove", "devalex", dir])).code).toBe(0);
    expect(existsSync(join(dir, "partners/devalex.yaml"))).toBe(false);
  });

  it("a scripted session: init → add ×2 → validate → edit budget → diff", async () => {
    const dir = join(tempDir("session"), "hub");
    expect((await edih(["init", dir, "--yes", "--region", "BG34", "--nuts3", "BG344", "--city", "Стара Загора"])).code).toBe(0);
    for (const [bg, en, form, type] of [["Тракийски университет", "Trakia University", "state-university", "higher-education"],
      ["Община Стара Загора", "Stara Zagora Municipality", "municipality", "public-authority"]]) {
      expect((await edih(["partners", "add", dir, "--yes", "--name-bg", bg!, "--name-en", en!, "--legal-form", form!, "--type", type!])).code).toBe(0);
    }
    expect(await errorsInWrittenData(dir)).toEqual([]);
    const before = join(tempDir("session-old"), "hub");
    cpSync(dir, before, { recursive: true });
    const path = join(dir, "edih.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("  lines: []", "  lines:\n    - { partner: trakia-university, personnel: 1000 }"));
    const d = await edih(["apply", "diff", before, dir]);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/trakia-university — Trakia University\n\s+personnel: 0\.00 → 1 000\.00 EUR/);
  });
});
