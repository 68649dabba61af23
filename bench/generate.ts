// Generates a valid consortium of any size from the bundled example's structure: the example's
// fifteen partners stay, synthetic enterprises are added as partners/*.yaml, and services, work
// package effort and budget lines grow with them so every document has data to show.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";

export const EXAMPLE_DIR = join(import.meta.dirname, "..", "..", "examples", "zagore");

const EXAMPLE_PARTNERS = 15;
/** Seated in the hub region (BG344, NUTS 2 BG34), like the example's own enterprises. */
const TOWNS = [
  { bg: "Стара Загора", en: "Stara Zagora" },
  { bg: "Казанлък", en: "Kazanlak" },
  { bg: "Чирпан", en: "Chirpan" },
];
const FAMILIES = ["test-before-invest", "skills-and-training", "support-to-find-investments", "ecosystem-and-networking"];
const TECHS = ["ai", "hpc", "cybersecurity", "data", "advanced-digital-skills"];

/**
 * Writes a consortium of `partners` (≥ 15) into `dir` (replaced). Deterministic: the same size
 * gives the same files.
 */
export function generateConsortium(dir: string, partners: number, exampleDir = EXAMPLE_DIR): void {
  if (partners < EXAMPLE_PARTNERS) throw new Error(`at least ${EXAMPLE_PARTNERS} partners (the example's own)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(exampleDir, "partners"), join(dir, "partners"), { recursive: true });
  const app = parse(readFileSync(join(exampleDir, "edih.yaml"), "utf8")) as Record<string, any>;

  const extra = partners - EXAMPLE_PARTNERS;
  const ids: string[] = [];
  for (let i = 1; i <= extra; i++) {
    const n = String(i).padStart(3, "0");
    const id = `generated-enterprise-${n}`;
    ids.push(id);
    const town = TOWNS[i % TOWNS.length]!;
    const partner = {
      name: { bg: `„Генерирано предприятие ${n}“ ЕООД`, en: `Generated Enterprise ${n} Ltd` },
      short_name: `GE${n}`,
      legal_form: "eood",
      type: "enterprise",
      roles: ["founder"],
      seat: { city: town, nuts3: "BG344" },
      expertise: ["manufacturing"],
    };
    writeFileSync(join(dir, "partners", `${id}.yaml`), stringify(partner));
  }

  // One service per four new partners, each provided by those four.
  for (let s = 0; s * 4 < ids.length; s++) {
    const providers = ids.slice(s * 4, s * 4 + 4);
    const n = String(s + 1).padStart(3, "0");
    app.services.push({
      id: `generated-service-${n}`,
      family: FAMILIES[s % FAMILIES.length],
      title: { en: `Generated service ${n}`, bg: `Генерирана услуга ${n}` },
      providers,
      technologies: [TECHS[s % TECHS.length]],
    });
  }
  // Every new partner works in one of the existing work packages and has a budget line.
  const wps = app.work_packages as { effort: Record<string, number> }[];
  ids.forEach((id, i) => {
    wps[i % wps.length]!.effort[id] = 2;
    app.budget.lines.push({ partner: id, personnel: 20000, subcontracting: 0, travel: 2000, equipment: 0, other_goods_and_services: 3000 });
  });
  writeFileSync(join(dir, "edih.yaml"), stringify(app, { lineWidth: 0 }));
}
