import type { ApplicationInput } from "../../src/schema/application.js";

/** `T` with the properties `K` present: the ones the fixture fills in although the schema defaults them. */
type Given<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };

/**
 * The base application's type: the schema's input (so patches may still use aliases such as "СНЦ" and
 * leave defaulted fields out), with the lists and budget lines the fixture always has made non-optional.
 */
export type Fixture = Given<ApplicationInput, "partners" | "services" | "work_packages" | "budget"> & {
  budget: Given<NonNullable<ApplicationInput["budget"]>, "lines">;
};

// A small application that passes every rule under both call packs. Identifiers are the test
// vectors of the research note (§4.1), not real organisations' codes.
export function baseApplication(): Fixture {
  return {
    version: 1,
    call: "DIGITAL-2021-EDIH-01",
    languages: ["bg", "en"],
    hub: {
      acronym: "TEST",
      name: { bg: "Тестов хъб", en: "Test hub" },
      project_title: { en: "A test hub", bg: "Тестов хъб" },
      summary: { en: "Short abstract.", bg: "Кратко резюме." },
      keywords: "ai, hpc",
      region: "BG34",
      legal_entity: {
        legal_form: "association", public_benefit: true, status: "founded", founded_on: "2021-03-30", eik: null,
        seat: { city: "Стара Загора", nuts3: "BG344" },
        founding_meeting: { date: "2021-03-30", address: "ул. Пример 1", opened_by: "А. Лице", chair: "Б. Лице", secretary: "В. Лице",
          votes: { all: { for: 4, against: 0, abstained: 0 } } },
        management_board_size: 3, management_board_term: { bg: "три години", en: "three years" },
        management_board: [{ name: "Г. Лице", partner: "chamber", role: { bg: "председател", en: "chair" } }, { name: "Д. Лице", partner: "uni" }, { name: "Е. Лице" }],
        economic_activity: "none",
      },
      technologies: ["ai", "data"],
      target_groups: ["sme", "public-sector"],
      duration_months: 36,
    },
    partners: [
      {
        id: "town", name: { bg: "Община Стара Загора", en: "Municipality of Stara Zagora" }, legal_form: "municipality",
        type: "public-authority", roles: ["founder"], eik: "020469788", pic: null, vat: null,
        seat: { city: "Стара Загора", nuts3: "BG344" }, council_decision: { number: "123", date: "2021-01-28" },
        representative: { position: { bg: "Кмет", en: "Mayor" } },
      },
      {
        id: "uni", name: "Trakia University", legal_form: "state-university", type: "higher-education",
        roles: ["founder", "beneficiary"], eik: "201355508", pic: "999999999", vat: "BG201355508",
        seat: { city: "Стара Загора", nuts3: "BG344" }, representative: { position: "Rector", basis: "law" },
      },
      {
        id: "chamber", name: "Chamber", legal_form: "association", type: "chamber",
        roles: ["founder", "coordinator"], eik: "201968703", pic: "888888888",
        seat: { city: "Бургас", nuts3: "BG341" }, representative: { basis: "statute" },
      },
      {
        id: "firm", name: "Firm", legal_form: "ood", type: "enterprise", roles: ["founder", "beneficiary"],
        eik: "175074752", pic: "777777777", vat: "BG175074752", seat: { city: "Sofia", nuts3: "BG411" },
        branches: [{ city: "Ямбол", nuts3: "BG343" }],
        representative: { basis: { kind: "power-of-attorney", number: "7", date: "2021-03-25" } },
      },
    ],
    services: [
      { id: "tbi", family: "test-before-invest", title: "Test", providers: ["uni"], target_groups: ["sme"] },
      { id: "skills", family: "skills-and-training", title: "Skills", providers: ["uni", "chamber"] },
      { id: "invest", family: "support-to-find-investments", title: "Invest", providers: ["firm"] },
      { id: "eco", family: "ecosystem-and-networking", title: "Eco", providers: ["chamber"] },
    ],
    work_packages: [
      {
        id: "WP1", title: "Management", lead: "chamber", start_month: 1, end_month: 36,
        effort: { chamber: 12, uni: 2 },
        deliverables: [{ id: "D1.1", title: "Plan", month: 6, type: "report", dissemination: "PU", lead: "chamber" }],
        milestones: [{ id: "MS1", title: "Kick-off", month: 1 }],
      },
      {
        id: "WP2", title: "Services", lead: "uni", start_month: 3, end_month: 36, effort: { uni: 20, firm: 5 },
        deliverables: [{ id: "D2.1", title: "Catalogue", month: 12, type: "R", dissemination: "PU" }],
      },
    ],
    kpis: [{ id: "organisations-served", title: "Organisations served", target: 100 }],
    budget: {
      currency: "EUR",
      lines: [
        { partner: "chamber", personnel: 100000, subcontracting: 10000, travel: 5000 },
        { partner: "uni", personnel: 200000, equipment: 50000 },
        { partner: "firm", personnel: 50000, other_goods_and_services: 1000 },
      ],
    },
  };
}
