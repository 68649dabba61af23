import type { Language } from "../schema/index.js";
import { humanise } from "./text.js";
import { own } from "./own.js";

/**
 * Names of the closed value lists of the input format (FORMAT.md) and of the common free tags,
 * in each document language. These are translations of our own vocabulary, not facts about the
 * world, so they live with the model rather than in data/.
 */
type Names = Record<string, { bg: string; en: string }>;

/** The certainty of a fact in edih's data (data/calls: V verified, P partly, I inferred). */
export const STATUS_NAMES: Names = {
  V: { bg: "потвърдена", en: "confirmed" },
  P: { bg: "частично потвърдена", en: "partly confirmed" },
  I: { bg: "непотвърдена", en: "not confirmed" },
  unknown: { bg: "непотвърдена", en: "not confirmed" },
};

export const ROLE_NAMES: Names = {
  founder: { bg: "учредител", en: "founder" },
  coordinator: { bg: "координатор", en: "coordinator" },
  beneficiary: { bg: "бенефициент", en: "beneficiary" },
  "affiliated-entity": { bg: "свързано лице", en: "affiliated entity" },
  "associated-partner": { bg: "асоцииран партньор", en: "associated partner" },
};

export const PARTNER_TYPE_NAMES: Names = {
  "public-authority": { bg: "публичен орган", en: "public authority" },
  "higher-education": { bg: "висше училище", en: "higher education institution" },
  "research-organisation": { bg: "научна организация", en: "research organisation" },
  "business-association": { bg: "бизнес организация", en: "business association" },
  chamber: { bg: "търговска камара", en: "chamber of commerce" },
  cluster: { bg: "клъстер", en: "cluster" },
  "regional-agency": { bg: "агенция за регионално развитие", en: "regional development agency" },
  enterprise: { bg: "предприятие", en: "enterprise" },
  ngo: { bg: "неправителствена организация", en: "non-governmental organisation" },
};

export const FAMILY_NAMES: Names = {
  "test-before-invest": { bg: "Тестване преди инвестиране", en: "Test before invest" },
  "skills-and-training": { bg: "Умения и обучение", en: "Skills and training" },
  "support-to-find-investments": { bg: "Подкрепа за намиране на инвестиции", en: "Support to find investments" },
  "ecosystem-and-networking": { bg: "Иновационна екосистема и изграждане на мрежи", en: "Innovation ecosystem and networking" },
};

export const DELIVERABLE_TYPE_CODES: Record<string, string> = {
  report: "R", demonstrator: "DEM", "websites-patents-videos": "DEC", data: "DATA", other: "OTHER",
};

/** Technologies, sectors, target groups, KPI ids and breakdowns: free tags with common values named. */
export const TAG_NAMES: Names = {
  ai: { bg: "изкуствен интелект", en: "artificial intelligence" },
  hpc: { bg: "високопроизводителни изчисления", en: "high-performance computing" },
  cybersecurity: { bg: "киберсигурност", en: "cybersecurity" },
  "advanced-digital-skills": { bg: "напреднали цифрови умения", en: "advanced digital skills" },
  data: { bg: "данни и обработка на данни", en: "data infrastructures and processing" },
  "big-data": { bg: "големи данни", en: "big data" },
  iot: { bg: "интернет на нещата", en: "internet of things" },
  blockchain: { bg: "блокови вериги", en: "blockchain" },
  robotics: { bg: "роботика", en: "robotics" },
  drones: { bg: "безпилотни летателни системи", en: "drones" },
  "earth-observation": { bg: "наблюдение на Земята", en: "Earth observation" },
  "cloud-computing": { bg: "изчисления в облак", en: "cloud computing" },
  manufacturing: { bg: "производство", en: "manufacturing" },
  mechatronics: { bg: "мехатроника", en: "mechatronics" },
  "agri-food": { bg: "земеделие и храни", en: "agri-food" },
  agriculture: { bg: "земеделие", en: "agriculture" },
  health: { bg: "здравеопазване", en: "health" },
  "life-sciences": { bg: "науки за живота", en: "life sciences" },
  "life-sciences-and-health": { bg: "науки за живота и здравеопазване", en: "life sciences and health" },
  energy: { bg: "енергетика", en: "energy" },
  "clean-energy": { bg: "чиста енергия", en: "clean energy" },
  "public-sector": { bg: "публичен сектор", en: "public sector" },
  sme: { bg: "малки и средни предприятия", en: "SMEs" },
  "small-midcap": { bg: "малки дружества със средна пазарна капитализация", en: "small mid-caps" },
  "organisations-served": { bg: "Обслужени предприятия и организации от публичния сектор", en: "Businesses and public-sector organisations served" },
  "investment-triggered": { bg: "Привлечени допълнителни инвестиции", en: "Additional investment triggered" },
  "collaborations-with-other-edihs": { bg: "Сътрудничества с други ЕЦИХ и партньори извън региона", en: "Collaborations with other EDIHs and stakeholders outside the region" },
  size: { bg: "размер", en: "size class" },
  sector: { bg: "сектор", en: "sector" },
  location: { bg: "местоположение", en: "location" },
  service: { bg: "вид услуга", en: "type of service" },
};

/** The name of `key` in `table`, else of a common tag, else the humanised slug. */
export function nameOf(key: string, lang: Language, table: Names = TAG_NAMES): string {
  return own(table, key)?.[lang] ?? own(TAG_NAMES, key)?.[lang] ?? humanise(key);
}
