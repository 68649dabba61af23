// Issue 5's scripted consultant session through the built CLI, in a temp folder:
// init → partners add ×2 → (the consultant writes services, work plan and budget) → validate →
// build → edit a budget line → build (only what the budget feeds) → diff.
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildJson, edih, pdfText, words } from "./build-helpers.js";
import { tempDir } from "../temp.js";

// `init --yes` writes a skeleton with empty services, work plan and budget, which the call's rules
// reject (four service families, three founders): this is what the consultant types next.
const SERVICES = `services:
  - { id: test-lab, family: test-before-invest, title: { bg: Лаборатория за изпитване, en: Test lab }, providers: [trakia-university], technologies: [ai] }
  - { id: academy, family: skills-and-training, title: { bg: Академия за умения, en: Skills academy }, providers: [trakia-university], technologies: [advanced-digital-skills] }
  - { id: investors, family: support-to-find-investments, title: { bg: Връзка с инвеститори, en: Investor matching }, providers: [chamber-stara-zagora], technologies: [ai] }
  - { id: network, family: ecosystem-and-networking, title: { bg: Мрежа на хъба, en: Hub network }, providers: [chamber-stara-zagora, zagora-cluster], technologies: [ai] }`;
const WORK_PLAN = `work_packages:
  - id: WP1
    title: { bg: Управление, en: Management }
    lead: trakia-university
    start_month: 1
    end_month: 36
    effort: { trakia-university: 12, chamber-stara-zagora: 6 }
    deliverables:
      - { id: D1.1, title: { bg: Наръчник, en: Handbook }, month: 3, type: report, dissemination: SEN }
    milestones:
      - { id: MS1, title: { bg: Органите са избрани, en: Bodies in place }, month: 3 }`;
const BUDGET = `budget:
  currency: EUR
  lines:
    - { partner: trakia-university, personnel: 300000, travel: 10000, equipment: 50000 }
    - { partner: chamber-stara-zagora, personnel: 100000, travel: 5000 }`;
const CLUSTER = `name: { bg: Клъстер Загора, en: Zagora Cluster }
legal_form: association
type: cluster
roles: [founder]
seat: { city: Стара Загора, nuts3: BG344 }
`;

describe("a consultant's session", () => {
  it("init → partners add ×2 → validate → build → edit a budget line → build → diff", async () => {
    const dir = join(tempDir("session"), "hub");
    const init = await edih(["init", dir, "--yes", "--call", "BG-EDIH-PRESELECTION-2021", "--acronym", "ZAG", "--name-bg", "ЕЦИХ Загоре",
      "--name-en", "EDIH Zagore", "--region", "BG34", "--nuts3", "BG344", "--city", "Стара Загора"]);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Created the application in/);
    expect(existsSync(join(dir, "edih.yaml"))).toBe(true);

    const add = (...flags: string[]) => edih(["partners", "add", dir, "--yes", ...flags]);
    const uni = await add("--name-bg", "Тракийски университет", "--name-en", "Trakia University", "--legal-form", "state-university",
      "--type", "higher-education", "--roles", "founder,coordinator,beneficiary");
    expect(uni.code).toBe(0);
    expect(uni.stdout).toMatch(/Added trakia-university/);
    const chamber = await add("--name-bg", "Търговско-промишлена палата Стара Загора", "--name-en", "Chamber Stara Zagora", "--id", "chamber-stara-zagora",
      "--legal-form", "association", "--type", "chamber", "--roles", "founder,beneficiary");
    expect(chamber.code).toBe(0);
    expect(existsSync(join(dir, "partners/chamber-stara-zagora.yaml"))).toBe(true);

    const list = await edih(["partners", "list", dir]);
    expect(list.stdout).toMatch(/^trakia-university\s/m);
    expect(list.stdout).toMatch(/^chamber-stara-zagora\s/m);

    // The skeleton is not yet a complete application: validate says what is missing (the service
    // families warn in a draft and are errors at submission).
    expect((await edih(["apply", "validate", dir])).stdout).toMatch(/service-families/);
    const early = await edih(["apply", "validate", dir, "--stage", "submission"]);
    expect(early.code).toBe(1);
    expect(early.stdout).toMatch(/service-families/);

    const app = join(dir, "edih.yaml");
    const text = readFileSync(app, "utf8");
    const filled = text.replace("services: []", SERVICES).replace("work_packages: []", WORK_PLAN).replace(/budget:\n {2}currency: EUR\n {2}lines: \[\]/, BUDGET);
    expect(filled).not.toBe(text);
    expect(filled).toContain("personnel: 300000");
    writeFileSync(app, filled);
    writeFileSync(join(dir, "partners/zagora-cluster.yaml"), CLUSTER);

    const valid = await edih(["apply", "validate", dir]);
    expect(valid.stdout).not.toMatch(/ error /);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/✔ valid: 0 errors/);

    const first = await buildJson(dir);
    expect(first.code).toBe(0);
    // Agreement, statute, protocol (no municipality: no council decision) + 2 per partner (3) + Part B +
    // budget table, in bg and en, DOCX and PDF, + 2 packages.
    expect(first.report.written).toHaveLength((3 + 2 * 3 + 2) * 2 * 2 + 2);
    for (const f of ["bg/statute.pdf", "en/part-b.docx", "bg/commitment-letter-chamber-stara-zagora.pdf", "package-bg.pdf", "manifest.json"]) {
      expect(existsSync(join(dir, "out", f)), f).toBe(true);
    }
    expect(words(pdfText(join(dir, "out/bg/commitment-letter-chamber-stara-zagora.pdf")))).toContain("112 350,00 EUR");

    // Eligible costs = direct costs + 7 % indirect (the call pack's flat rate): 105 000 € → 112 350 €.
    const before = join(tempDir("session-old"), "hub");
    cpSync(dir, before, { recursive: true });
    writeFileSync(app, readFileSync(app, "utf8").replace("{ partner: chamber-stara-zagora, personnel: 100000, travel: 5000 }",
      "{ partner: chamber-stara-zagora, personnel: 120000, travel: 5000 }"));

    const second = await buildJson(dir);
    expect(second.code).toBe(0);
    const expected = ["bg", "en"].flatMap((l) => ["commitment-letter-chamber-stara-zagora", "part-b", "budget-table"]
      .flatMap((d) => [`${l}/${d}.docx`, `${l}/${d}.pdf`])).concat(["package-bg.pdf", "package-en.pdf"]);
    expect([...second.report.written].sort()).toEqual(expected.sort());
    expect(second.report.skipped).toContain("bg/statute.pdf");
    expect(second.report.skipped).toContain("bg/commitment-letter-trakia-university.pdf");
    expect(second.report.skipped).toContain("bg/declaration-chamber-stara-zagora.docx");
    expect(words(pdfText(join(dir, "out/bg/commitment-letter-chamber-stara-zagora.pdf")))).toContain("133 750,00 EUR");

    const diff = await edih(["apply", "diff", before, dir]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/chamber-stara-zagora — [^\n]+\n\s+personnel: 100 000\.00 → 120 000\.00 EUR/);
    const json = JSON.parse((await edih(["apply", "diff", before, dir, "--format", "json"])).stdout);
    expect(JSON.stringify(json)).toContain("chamber-stara-zagora");

    const status = JSON.parse((await edih(["apply", "status", dir, "--format", "json"])).stdout);
    expect(status.counts).toMatchObject({ stale: 0, edited: 0, missing: 0 });
  });
});
