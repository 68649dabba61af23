// The data side of `edih init`: partner files with council decisions, services in edih.yaml, and
// the closing list of steps, which must cover every error `edih apply validate` reports.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateProject } from "../../src/validate/index.js";
import { type InitAnswers, type InitPartner, closingText, nextSteps, writeNewProject } from "../../src/workflow/init.js";
import { tempDir } from "../temp.js";

const fresh = () => join(tempDir("init-lib"), "hub");

const partner = (id: string, legalForm: InitPartner["legalForm"], type: InitPartner["type"], extra: Partial<InitPartner> = {}): InitPartner =>
  ({ id, nameBg: id, nameEn: id, legalForm, type, roles: ["founder"], city: "Стара Загора", nuts3: "BG344", country: "BG", ...extra });

function answers(over: Partial<InitAnswers> = {}): InitAnswers {
  return {
    call: "BG-EDIH-PRESELECTION-2021", nameBg: "Хъб", nameEn: "Hub", acronym: "HUB", region: "BG34", languages: ["bg", "en"],
    technologies: ["ai"], durationMonths: 36,
    legalEntity: { legalForm: "association", publicBenefit: true, city: "Стара Загора", nuts3: "BG344", country: "BG" },
    partners: [
      partner("stara-zagora-municipality", "municipality", "public-authority", { councilDecision: { number: "123", date: "2021-01-28" } }),
      partner("trakia-university", "state-university", "higher-education"),
      partner("employers-club", "association", "business-association"),
    ],
    services: [
      { id: "ai-test-lab", family: "test-before-invest", title: { bg: "Лаборатория", en: "AI test lab" }, providers: ["trakia-university"] },
      { id: "skills", family: "skills-and-training", title: "Skills", providers: ["trakia-university", "employers-club"] },
      { id: "investors", family: "support-to-find-investments", title: { en: "Investors" }, providers: ["employers-club"] },
      { id: "network", family: "ecosystem-and-networking", title: { bg: "Мрежа" }, providers: ["stara-zagora-municipality"] },
    ],
    ...over,
  };
}

const errors = async (dir: string) => (await validateProject(dir)).diagnostics.filter((d) => d.severity === "error");

describe("init's writer and closing steps", () => {
  it("writes council decisions and services in the writer's style, and a complete consortium validates", async () => {
    const dir = fresh();
    const a = answers();
    writeNewProject(dir, a);
    const municipality = readFileSync(join(dir, "partners/stara-zagora-municipality.yaml"), "utf8");
    expect(municipality).toBe(`# yaml-language-server: $schema=../.edih/partner.schema.json
name: {bg: stara-zagora-municipality, en: stara-zagora-municipality}
legal_form: municipality
type: public-authority
roles: [founder]
eik: null
pic: null
vat: null
seat: {city: Стара Загора, nuts3: BG344}
council_decision: {number: "123", date: 2021-01-28, protocol: null}
`);
    expect(readFileSync(join(dir, "partners/trakia-university.yaml"), "utf8")).not.toContain("council_decision");
    expect(readFileSync(join(dir, "edih.yaml"), "utf8")).toContain(`services:
  - id: ai-test-lab
    family: test-before-invest
    title: {bg: Лаборатория, en: AI test lab}
    providers: [trakia-university]
  - id: skills
    family: skills-and-training
    title: Skills
    providers: [trakia-university, employers-club]
`);
    expect(await errors(dir)).toEqual([]);
    const next = await nextSteps(dir, a);
    expect(next).toMatchObject({ errors: 0, steps: [] });
    expect(closingText(dir, next)).toMatch(/finds 0 errors.*: the application is valid\.\n$/);
  });

  it("a municipal founder without a council decision, too few founders, a missing family: one step each, covering every error and the families' warnings", async () => {
    const dir = fresh();
    const a = answers({
      partners: [partner("stara-zagora-municipality", "municipality", "public-authority"), partner("trakia-university", "state-university", "higher-education")],
      services: [
        { id: "ai-test-lab", family: "test-before-invest", title: "AI test lab", providers: ["trakia-university"] },
        { id: "skills", family: "skills-and-training", title: "Skills", providers: ["trakia-university"] },
      ],
    });
    writeNewProject(dir, a);
    expect((await errors(dir)).map((d) => d.ruleId).sort())
      .toEqual(["council-decision-present", "founders-minimum"]);
    const next = await nextSteps(dir, a);
    expect(next.errors).toBe(2);
    expect(next.steps).toEqual([
      "add services in: support-to-find-investments, ecosystem-and-networking (in edih.yaml under services:, each with family, title and providers)",
      `add 1 more founder that is a legal person (the association needs at least 3; 2 so far): edih partners add ${dir} --roles founder`,
      "give the council decision of municipality stara-zagora-municipality its number and date: council_decision: in partners/stara-zagora-municipality.yaml",
    ]);
  });

  it("a council decision not known yet is written as nulls: a draft warns, it does not fail", async () => {
    const dir = fresh();
    const a = answers();
    a.partners[0]!.councilDecision = { number: null, date: null };
    writeNewProject(dir, a);
    expect(readFileSync(join(dir, "partners/stara-zagora-municipality.yaml"), "utf8"))
      .toContain("council_decision: {number: null, date: null, protocol: null}\n");
    const diagnostics = (await validateProject(dir)).diagnostics;
    expect(diagnostics.filter((d) => d.ruleId === "council-decision-present").map((d) => d.severity)).toEqual(["warning"]);
    expect((await nextSteps(dir, a)).errors).toBe(0);
  });

  it("partners named by services or as coordinator but not yet added: one `partners add` each, with the coordinator's role", async () => {
    const dir = fresh();
    const a = answers({ call: "DIGITAL-2021-EDIH-01", partners: [], pendingCoordinator: "trakia-university" });
    writeNewProject(dir, a);
    const next = await nextSteps(dir, a);
    expect(next.errors).toBe((await errors(dir)).length);
    expect(next.steps).toEqual([
      `add partner trakia-university (the coordinator, provider of "ai-test-lab", "skills"): edih partners add ${dir} --id trakia-university --roles coordinator`,
      `add partner employers-club (provider of "skills", "investors"): edih partners add ${dir} --id employers-club`,
      `add partner stara-zagora-municipality (provider of "network"): edih partners add ${dir} --id stara-zagora-municipality`,
    ]);
  });

  it("an error no step knows is listed as validate words it", async () => {
    const dir = fresh();
    const a = answers({ call: "DIGITAL-2021-EDIH-01" });
    // Two coordinators: not a missing piece but a contradiction; the step is validate's own message.
    a.partners[1]!.roles = ["founder", "coordinator"];
    a.partners[2]!.roles = ["founder", "coordinator"];
    writeNewProject(dir, a);
    const next = await nextSteps(dir, a);
    expect(next.errors).toBe(1);
    expect(next.steps).toEqual([expect.stringMatching(/^Partner "trakia-university" is a second coordinator .*partners\/trakia-university\.yaml:\d+\) \[single-coordinator\]$/)]);
  });
});
