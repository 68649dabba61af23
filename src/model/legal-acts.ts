import type { LegalAct, LegalActs } from "../refdata/legal-acts.js";
import type { Language } from "../schema/index.js";

/** How an act is named on a date: the act itself, the act it replaced, or nothing (it did not exist). */
export type Citation =
  | { kind: "act"; id: string; act: LegalAct }
  | { kind: "none"; id: string; act: LegalAct; reason: string };

/** True when the act is known to exist on `date` (YYYY-MM-DD); unknown adoption dates count as existing. */
export function existedOn(act: LegalAct, date: string): boolean {
  if (act.adopted) return date >= act.adopted;
  if (act.adopted_year !== undefined) return Number(date.slice(0, 4)) >= act.adopted_year;
  return true;
}

/**
 * The form of act `id` a document dated `date` cites: the act once adopted, before that the act it
 * replaced (a regulation's proposal), walking back as far as needed. A null date means a document
 * written now: the act in its adopted form.
 */
export function citationOn(acts: LegalActs, id: string, date: string | null): Citation {
  const first = acts.get(id);
  if (!first) throw new Error(`unknown legal act "${id}" (data/legal-acts.yaml)`);
  if (date === null) return { kind: "act", id, act: first };
  let current: { id: string; act: LegalAct } = { id, act: first };
  for (;;) {
    if (existedOn(current.act, date)) return { kind: "act", ...current };
    const prev = current.act.replaces ? acts.get(current.act.replaces) : undefined;
    if (!prev || !current.act.replaces) {
      return { kind: "none", id, act: first, reason: `${first.short?.en ?? id} did not exist on ${date}` };
    }
    current = { id: current.act.replaces, act: prev };
  }
}

/** The act's name in `lang`: its short form when one is given and `form` asks for it. */
export function actName(act: LegalAct, lang: Language, form: "title" | "short"): string {
  return form === "short" && act.short ? act.short[lang] : act.title[lang];
}

export interface EarlyCitation {
  act: string;
  cited_as: string;
  adopted: string;
}

/**
 * Acts a text names although the document's date is before they existed: the check behind
 * "a legal act is cited as it stood on the document's date". Unknown dates are not checked.
 */
export function citedBefore(acts: LegalActs, text: string, date: string | null): EarlyCitation[] {
  if (date === null) return [];
  const out: EarlyCitation[] = [];
  for (const id of acts.ids()) {
    const act = acts.get(id)!;
    if (existedOn(act, date)) continue;
    const hit = act.cited_as.find((s) => text.includes(s));
    if (hit) out.push({ act: id, cited_as: hit, adopted: act.adopted ?? String(act.adopted_year) });
  }
  return out;
}

/** The programme's specific objectives (Regulation (EU) 2021/694, Art. 3(2)) in `lang`. */
export function specificObjectives(acts: LegalActs, lang: Language): string[] {
  return acts.get("dep-regulation")?.specific_objectives?.items.map((o) => o[lang]) ?? [];
}
