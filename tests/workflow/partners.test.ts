import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addPartner, listPartners, removePartner } from "../../src/workflow/partners.js";
import { partnerReferences } from "../../src/workflow/project-files.js";
import { suggestId } from "../../src/workflow/partner-file.js";
import { tempDir } from "../temp.js";

const FIXTURE = join(import.meta.dirname, "fixtures/inline");
const copy = () => {
  const dir = tempDir("partners");
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
};
const newPartner = { id: "cluster", nameBg: "Клъстер", nameEn: "Cluster", legalForm: "association" as const,
  type: "cluster" as const, roles: ["founder" as const], city: "Стара Загора", nuts3: "BG344", country: "BG" };

describe("partners library", () => {
  it("lists inline and file partners with region and identifiers", () => {
    const rows = listPartners(FIXTURE);
    expect(rows.map((r) => [r.id, r.inRegion, r.eik, r.pic, r.vat])).toEqual([
      ["town-hall", "inside", true, false, false],
      ["uni", "branch", false, true, false],
      ["lonely-ngo", "outside", false, false, false],
      ["devalex", "inside", false, false, true],
    ]);
    expect(rows.find((r) => r.id === "devalex")!.file).toBe("partners/devalex.yaml");
  });

  it("finds every reference with its line", () => {
    const refs = partnerReferences(FIXTURE, "uni");
    const text = readFileSync(join(FIXTURE, "edih.yaml"), "utf8").split("\n");
    expect(refs.map((r) => r.path)).toEqual([
      "services.0.providers.0", "work_packages.0.effort.uni", "work_packages.0.deliverables.0.lead", "budget.lines.1.partner"]);
    for (const r of refs) expect(text[r.line - 1]!.slice(r.column - 1)).toMatch(/^uni\b/);
  });

  it("adds a partner file and refuses a taken or malformed id", () => {
    const dir = copy();
    expect(addPartner(dir, newPartner)).toEqual({ ok: true, file: "partners/cluster.yaml" });
    const text = readFileSync(join(dir, "partners/cluster.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../.edih/partner.schema.json");
    expect(text).toContain("nuts3: BG344");
    expect(addPartner(dir, newPartner)).toMatchObject({ ok: false, problem: expect.stringContaining("already exists") });
    expect(addPartner(dir, { ...newPartner, id: "uni" })).toMatchObject({ ok: false });
    expect(addPartner(dir, { ...newPartner, id: "Bad Id" })).toMatchObject({ ok: false, problem: expect.stringContaining("kebab-case") });
  });

  it("refuses to remove a referenced partner and leaves the file untouched", () => {
    const dir = copy();
    const before = readFileSync(join(dir, "edih.yaml"), "utf8");
    const r = removePartner(dir, "uni");
    expect(r.ok).toBe(false);
    expect(r.references).toHaveLength(4);
    expect(readFileSync(join(dir, "edih.yaml"), "utf8")).toBe(before);
  });

  it("removes an inline partner keeping every other line and comment byte for byte", () => {
    const dir = copy();
    const before = readFileSync(join(dir, "edih.yaml"), "utf8");
    expect(removePartner(dir, "uni", true)).toMatchObject({ ok: true, inline: true });
    const after = readFileSync(join(dir, "edih.yaml"), "utf8");
    const removed = before.split("\n").filter((l) => !after.split("\n").includes(l));
    expect(removed[0]).toBe("  # a university seated outside with a branch inside");
    expect(removed.every((l) => !l.includes("lonely-ngo"))).toBe(true);
    expect(after).toContain("# A small consortium with inline partners (kept comment: do not lose me)");
    expect(after).toContain("  - id: lonely-ngo   # nobody references me");
    expect(after).toContain("    - partner: uni        # the university's line");
    expect(listPartners(dir).map((r) => r.id)).toEqual(["town-hall", "lonely-ngo", "devalex"]);
  });

  it("removes a partner file", () => {
    const dir = copy();
    expect(removePartner(dir, "devalex")).toMatchObject({ ok: true, inline: false });
    expect(existsSync(join(dir, "partners/devalex.yaml"))).toBe(false);
  });

  it("suggests ids from Latin and Cyrillic names", () => {
    expect(suggestId("Trakia University")).toBe("trakia-university");
    expect(suggestId("Община Стара Загора")).toBe("obshtina-stara-zagora");
  });
});
