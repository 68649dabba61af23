// Creating a new application folder: the data side of `edih init` (no prompts here).
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Language } from "../schema/common.js";
import type { LegalFormId } from "../schema/legal-form.js";
import { writeFileAtomic } from "../write-atomic.js";
import {
  APPLICATION_SCHEMA_FILE, PARTNER_SCHEMA_FILE, applicationJsonSchema, partnerJsonSchema, schemaComment, schemaText,
} from "./json-schema.js";
import { packageRoot } from "./package-root.js";
import { type NewPartner, partnerYaml } from "./partner-file.js";
import { toYaml } from "./yaml-text.js";

/** The Digital Europe capacities; a hub must name at least one (FORMAT.md, value lists). */
export const DEP_CAPACITIES = ["ai", "hpc", "cybersecurity", "advanced-digital-skills"] as const;

export interface InitAnswers {
  call: string;
  nameBg: string;
  nameEn: string;
  acronym: string;
  region: string;
  languages: Language[];
  technologies: string[];
  durationMonths: number;
  legalEntity: { legalForm: LegalFormId; publicBenefit: boolean; city: string; nuts3: string | null };
  partners: NewPartner[];
}

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
      name: { bg: a.nameBg, en: a.nameEn },
      region: a.region,
      legal_entity: {
        legal_form: a.legalEntity.legalForm,
        public_benefit: a.legalEntity.publicBenefit,
        status: "planned",
        founded_on: null,
        eik: null,
        seat: { city: a.legalEntity.city, nuts3: a.legalEntity.nuts3 },
      },
      technologies: a.technologies,
      sectors: [],
      target_groups: ["sme", "public-sector"],
      duration_months: a.durationMonths,
    },
    services: [],
    work_packages: [],
    budget: { currency: "EUR", lines: [] },
    kpis: [],
  };
}

function applicationYaml(a: InitAnswers): string {
  return schemaComment(APPLICATION_SCHEMA_FILE) +
    "# Created by `edih init`. Partners live in partners/<id>.yaml (`edih partners add`).\n" +
    "# Unknown facts stay null; `edih apply validate` says what is still missing.\n" +
    toYaml(applicationData(a));
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
  const root = join(packageRoot(), "examples");
  return existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, "edih.yaml"))).sort() : [];
}

/** Copies a bundled example (examples/<name>) into `dir`; returns the files written, relative. */
export function copyExample(name: string, dir: string): string[] {
  const src = join(packageRoot(), "examples", name);
  cpSync(src, dir, { recursive: true, errorOnExist: true, force: false });
  const written = writeSchemaFiles(dir);
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : [relative(src, join(d, e.name))]);
  const copied = walk(src).sort();
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
