// Creating a new application folder: the data side of `edih init` (no prompts here).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Language } from "../schema/common.js";
import type { LegalFormId } from "../schema/vocabulary.js";
import { SERVICE_FAMILIES } from "../schema/vocabulary.js";
import { writeFileAtomic } from "../write-atomic.js";
import {
  APPLICATION_SCHEMA_FILE, PARTNER_SCHEMA_FILE, applicationJsonSchema, partnerJsonSchema, schemaComment, schemaText,
} from "./json-schema.js";
import { copyApplicationSources, isSourcePath } from "./example-sources.js";
import { examplesDir } from "../domain/install.js";
import { type NewPartner, multilingual, partnerYaml } from "./partner-file.js";
import { FLOW_KEYS, toYaml } from "./yaml-text.js";

/** The Digital Europe capacities; a hub must name at least one (FORMAT.md, value lists). */
export const DEP_CAPACITIES = ["ai", "hpc", "cybersecurity", "advanced-digital-skills"] as const;

export interface InitAnswers {
  call: string;
  nameBg: string;
  nameEn: string;
  acronym: string;
  languages: Language[];
  technologies: string[];
  durationMonths: number;
  /** "" = not given: written as null, so validate lists it rather than edih guessing. */
  region: string;
  legalEntity: {
    legalForm: LegalFormId; publicBenefit: boolean; city: string; nuts3: string | null;
    /** The form's own name where legalForm is other (a form outside Bulgaria's list). */
    legalFormName?: string | null;
    /** ISO country of the seat; an ЕИК is asked (and written) only for Bulgaria. */
    country: string;
    eik?: string | null; vat?: string | null; pic?: string | null;
  };
  partners: InitPartner[];
  services: NewService[];
  /**
   * The coordinator named by --coordinator when it is not among the partners entered in this run
   * (a script adds partners afterwards with `edih partners add`): the role cannot be written yet,
   * so the closing message says which `partners add` gives it.
   */
  pendingCoordinator?: string;
}

export type ServiceFamily = (typeof SERVICE_FAMILIES)[number];

/** A municipal council's decision to co-found the association; null = not known yet. */
/** A partner entered during `init`: exactly what `partners add` asks. */
export type InitPartner = NewPartner;

/** One service the consultant described: its title as typed (plain or per language) and providers by partner id. */
export interface NewService {
  id: string;
  family: ServiceFamily;
  title: string | Partial<Record<Language, string>>;
  providers: string[];
}

/** What the chosen call's rules ask of the consortium, so the questions can say so. */
export interface CallRequirements {
  /** single-coordinator runs: exactly one partner must be coordinator. */
  coordinatorRequired: boolean;
  /** founders-minimum runs on an association: how many founders, of which kind. */
  founders?: { min: number; legalPersonsOnly: boolean };
}

export async function callRequirements(call: string, le: InitAnswers["legalEntity"]): Promise<CallRequirements> {
  const { loadCallPack } = await import("../calls/index.js");
  const pack = loadCallPack(call).pack;
  if (!pack) return { coordinatorRequired: false };
  const { effectiveRules } = await import("../calls/check.js");
  const on = new Map(effectiveRules(pack).filter((r) => r.severity === "error").map((r) => [r.rule.meta.id, r]));
  const req: CallRequirements = { coordinatorRequired: on.has("single-coordinator") };
  const fm = on.get("founders-minimum");
  if (fm && le.legalForm === "association") {
    // The pack's options with the rule's own defaults, as the rule reads them.
    const parsed = fm.rule.options.safeParse(fm.options);
    const o = (parsed.success ? parsed.data : {}) as { min_legal_persons?: number; min_private_benefit?: number };
    const min = le.publicBenefit ? o.min_legal_persons : o.min_private_benefit;
    if (min !== undefined) req.founders = { min, legalPersonsOnly: le.publicBenefit };
  }
  return req;
}

/** Founders that count towards the minimum: legal persons for a public-benefit association, anyone otherwise. */
export async function countFounders(partners: ReadonlyArray<Pick<NewPartner, "legalForm" | "roles">>, legalPersonsOnly: boolean): Promise<number> {
  const { loadLegalForms } = await import("../refdata/legal-forms.js");
  const forms = loadLegalForms();
  return partners.filter((p) => {
    if (!p.roles.includes("founder")) return false;
    if (!legalPersonsOnly) return true;
    const form = forms.get(p.legalForm);
    // As founders-minimum counts: unknown personality counts, natural persons do not.
    return !form?.natural_person && form?.legal_personality !== false;
  }).length;
}

export { isMunicipalFounder, type CouncilDecisionAnswer } from "./partner-file.js";

/** Files that make `dir` an application already; init refuses to touch any of them. */
export function existingApplicationFiles(dir: string): string[] {
  const found: string[] = [];
  if (existsSync(join(dir, "edih.yaml"))) found.push("edih.yaml");
  const partnersDir = join(dir, "partners");
  if (existsSync(partnersDir) && statSync(partnersDir).isDirectory()) {
    for (const f of readdirSync(partnersDir).sort()) if (/\.ya?ml$/.test(f)) found.push(`partners/${f}`);
  }
  return found;
}

export function applicationData(a: InitAnswers): Record<string, unknown> {
  return {
    version: 1,
    call: a.call,
    languages: a.languages,
    hub: {
      acronym: a.acronym,
      name: multilingual({ bg: a.nameBg, en: a.nameEn }),
      region: a.region || null,
      legal_entity: {
        legal_form: a.legalEntity.legalForm,
        ...(a.legalEntity.legalFormName ? { legal_form_name: a.legalEntity.legalFormName } : {}),
        public_benefit: a.legalEntity.publicBenefit,
        status: "planned",
        founded_on: null,
        ...(a.legalEntity.country === "BG" ? { eik: a.legalEntity.eik ?? null } : {}),
        vat: a.legalEntity.vat ?? null,
        pic: a.legalEntity.pic ?? null,
        seat: { city: a.legalEntity.city || null, nuts3: a.legalEntity.nuts3 },
      },
      technologies: a.technologies,
      sectors: [],
      target_groups: ["sme", "public-sector"],
      duration_months: a.durationMonths,
    },
    services: a.services.map((sv) => ({ id: sv.id, family: sv.family, title: sv.title, providers: sv.providers })),
    work_packages: [],
    budget: { currency: "EUR", lines: [] },
    kpis: [],
  };
}

function applicationYaml(a: InitAnswers): string {
  return schemaComment(APPLICATION_SCHEMA_FILE) +
    "# Created by `edih init`. Partners live in partners/<id>.yaml (`edih partners add`).\n" +
    "# Unknown facts stay null; `edih apply validate` says what is still missing.\n" +
    toYaml(applicationData(a), [...FLOW_KEYS, "title", "providers"]);
}

/** Writes the editor schemas into `.edih/` so the `$schema` comments resolve without a network. */
export function writeSchemaFiles(dir: string): string[] {
  writeFileAtomic(join(dir, APPLICATION_SCHEMA_FILE), schemaText(applicationJsonSchema()));
  writeFileAtomic(join(dir, PARTNER_SCHEMA_FILE), schemaText(partnerJsonSchema()));
  return [APPLICATION_SCHEMA_FILE, PARTNER_SCHEMA_FILE];
}

/** Writes a new application; the caller has checked `existingApplicationFiles` is empty. */
export function writeNewProject(dir: string, a: InitAnswers): string[] {
  const written = writeSchemaFiles(dir);
  writeFileAtomic(join(dir, "edih.yaml"), applicationYaml(a));
  written.push("edih.yaml");
  for (const p of a.partners) {
    const rel = `partners/${p.id}.yaml`;
    writeFileAtomic(join(dir, rel), partnerYaml(p, `../${PARTNER_SCHEMA_FILE}`));
    written.push(rel);
  }
  return written;
}

export function bundledExamples(): string[] {
  const root = examplesDir();
  return existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, "edih.yaml"))).sort() : [];
}

/** Copies a bundled example (examples/<name>) into `dir`; returns the files written, relative. */
export function copyExample(name: string, dir: string): string[] {
  const src = join(examplesDir(), name);
  copyApplicationSources(src, dir, { errorOnExist: true });
  const written = writeSchemaFiles(dir);
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true })
    .filter((e) => isSourcePath(src, join(d, e.name)))
    .flatMap((e) => e.isDirectory() ? walk(join(d, e.name)) : [relative(src, join(d, e.name))]);
  // The example's own .edih/ schemas were just rewritten: each file is listed once.
  const copied = walk(src).filter((f) => !written.includes(f)).sort();
  // The example's comments point into edih's own source tree; in the copy they must point at
  // the schemas just written beside it. Only that comment line changes.
  for (const rel of copied.filter((f) => /\.ya?ml$/.test(f))) {
    const target = rel.startsWith("partners/") ? `../${PARTNER_SCHEMA_FILE}` : APPLICATION_SCHEMA_FILE;
    const abs = join(dir, rel);
    const text = readFileSync(abs, "utf8");
    const fixed = text.replace(/^# yaml-language-server: \$schema=.*$/m, schemaComment(target).trimEnd());
    if (fixed !== text) writeFileAtomic(abs, fixed);
  }
  return [...written, ...copied];
}

/** What `edih apply validate` still asks of a new application, phrased as things to do. */
export interface NextSteps { errors: number; warnings: number; steps: string[] }

/** A folder argument as typed in a shell. */
function shellArg(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * Runs the same validation as `edih apply validate` on the folder just written and turns every
 * error into the step that removes it, so the closing message lists exactly what validate will
 * ask for (errors no step covers are listed as validate words them).
 */
export async function nextSteps(dir: string, a: InitAnswers, shown = dir): Promise<NextSteps> {
  const { validateProject } = await import("../validate/index.js");
  const result = await validateProject(dir);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const app = result.application;
  const steps: string[] = [];
  const handled = new Set<(typeof errors)[number]>();
  const take = (pred: (d: (typeof errors)[number]) => boolean) => {
    const found = errors.filter((d) => !handled.has(d) && pred(d));
    for (const d of found) handled.add(d);
    return found;
  };
  const d = shellArg(shown);
  const req = await callRequirements(a.call, a.legalEntity);

  if (app) {
    // Partners the services or --coordinator name that are not in the application yet.
    const known = new Set(app.partners.map((p) => p.id));
    const named = new Map<string, { services: string[]; coordinator: boolean }>();
    const entry = (id: string) => named.get(id) ?? named.set(id, { services: [], coordinator: false }).get(id)!;
    for (const s of app.services) for (const id of s.providers) if (!known.has(id)) entry(id).services.push(s.id);
    const noCoordinator = !app.partners.some((p) => p.roles.includes("coordinator"));
    if (a.pendingCoordinator && !known.has(a.pendingCoordinator) && noCoordinator) entry(a.pendingCoordinator).coordinator = true;
    take((x) => x.ruleId === "references-resolve" && x.path?.[0] === "services");
    const coordinatorPending = [...named.values()].some((n) => n.coordinator);
    if (coordinatorPending) take((x) => x.ruleId === "single-coordinator" && noCoordinator);
    for (const [id, n] of named) {
      const why = [n.coordinator ? "the coordinator" : "", n.services.length ? `provider of ${n.services.map((s) => `"${s}"`).join(", ")}` : ""].filter(Boolean).join(", ");
      const roles = n.coordinator ? ` --roles ${req.founders ? "founder,coordinator" : "coordinator"}` : "";
      steps.push(`add partner ${id} (${why}): edih partners add ${d} --id ${id}${roles}`);
    }

    // Missing families are warnings in a draft (errors at submission): listed either way.
    const gaps = result.diagnostics.filter((x) => x.ruleId === "service-families");
    for (const x of gaps) handled.add(x);
    const families = SERVICE_FAMILIES.filter((f) => gaps.some((x) => x.data?.family === f));
    if (families.length > 0) {
      steps.push(`add services in: ${families.join(", ")} (in edih.yaml under services:, each with family, title and providers)`);
    }

    if (take((x) => x.ruleId === "single-coordinator" && noCoordinator).length > 0) {
      steps.push(app.partners.length > 0
        ? "give one partner the role coordinator: add coordinator to roles: in its partners/<id>.yaml"
        : `add the coordinator: edih partners add ${d} --roles ${req.founders ? "founder,coordinator" : "coordinator"}`);
    }

    if (req.founders && take((x) => x.ruleId === "founders-minimum").length > 0) {
      const have = await countFounders(app.partners.map((p) => ({ legalForm: p.legal_form, roles: p.roles })), req.founders.legalPersonsOnly);
      const more = Math.max(1, req.founders.min - have);
      const kind = !req.founders.legalPersonsOnly ? "" : more === 1 ? " that is a legal person" : " that are legal persons";
      steps.push(`add ${more}${have > 0 ? " more" : ""} founder${more === 1 ? "" : "s"}${kind} (the association needs at least ${req.founders.min}; ${have} so far): ` +
        `edih partners add ${d} --roles founder`);
    }

    for (const x of take((x) => x.ruleId === "council-decision-present")) {
      const p = typeof x.path?.[1] === "number" ? app.partners[x.path[1]] : undefined;
      steps.push(p ? `give the council decision of municipality ${p.id} its number and date: council_decision: in partners/${p.id}.yaml` : x.message);
    }
  }
  // Facts init leaves empty rather than guess (--yes without --region, --nuts3, --city).
  const at = (x: (typeof errors)[number], ...path: string[]) => x.path?.join(".") === path.join(".");
  if (take((x) => at(x, "hub", "region")).length > 0) {
    const { nuts2Choices } = await import("./catalog.js");
    const codes = nuts2Choices(a.legalEntity.country).map((c) => c.value);
    steps.push(`give the NUTS 2 region the hub covers: region: in edih.yaml${codes.length ? ` (${a.legalEntity.country}: ${codes.join(", ")})` : ""}`);
  }
  if (take((x) => at(x, "hub", "legal_entity", "seat", "city")).length > 0) {
    steps.push("give the city of the hub's seat: legal_entity.seat.city in edih.yaml (and its nuts3)");
  }
  for (const x of errors.filter((e) => !handled.has(e))) {
    const where = x.file ? ` (${x.file}${x.line ? `:${x.line}` : ""})` : "";
    steps.push(`${x.message}${where} [${x.ruleId}]`);
  }
  return { errors: errors.length, warnings, steps };
}

/** The closing lines of `edih init`: what validate will say, and what to do next. */
export function closingText(dir: string, next: NextSteps): string {
  const d = shellArg(dir);
  const warn = next.warnings > 0 ? ` and ${next.warnings} warning${next.warnings === 1 ? "" : "s"}` : "";
  if (next.errors === 0 && next.steps.length === 0) return `\`edih apply validate ${d}\` finds 0 errors${warn}: the application is valid.\n`;
  return `\`edih apply validate ${d}\` finds ${next.errors} error${next.errors === 1 ? "" : "s"}${warn}. Still to do:\n` +
    next.steps.map((s) => `  - ${s}\n`).join("");
}
