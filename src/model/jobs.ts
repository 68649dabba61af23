import type { Application } from "../schema/index.js";

export interface DocumentSpec {
  id: string;
  languages: "all" | readonly string[];
  per: null | "partner" | "municipality";
}

/** One document in one language, for one partner when the document is issued per partner. */
export interface Job {
  document: string;
  lang: "bg" | "en";
  partner?: string;
  /** Output path without extension, relative to the out folder: `bg/declaration-trakia-university`. */
  base: string;
}

export interface PlanOptions {
  langs?: readonly string[];
  only?: readonly string[];
}

/** Expands the call pack's document list over the application's languages and partners. */
export function planJobs(app: Application, documents: readonly DocumentSpec[], opts: PlanOptions = {}): Job[] {
  const jobs: Job[] = [];
  const langs = app.languages.filter((l) => !opts.langs || opts.langs.includes(l));
  for (const spec of documents) {
    if (opts.only && !opts.only.includes(spec.id)) continue;
    const specLangs = spec.languages === "all" ? langs : langs.filter((l) => spec.languages.includes(l));
    for (const lang of specLangs) {
      for (const partner of partnersFor(app, spec)) {
        const name = partner ? `${spec.id}-${partner}` : spec.id;
        jobs.push({ document: spec.id, lang, ...(partner ? { partner } : {}), base: `${lang}/${name}` });
      }
    }
  }
  return jobs;
}

function partnersFor(app: Application, spec: DocumentSpec): (string | undefined)[] {
  if (spec.per === "partner") return app.partners.map((p) => p.id);
  if (spec.per === "municipality") {
    return app.partners.filter((p) => p.legal_form === "municipality" && p.roles.includes("founder")).map((p) => p.id);
  }
  return [undefined];
}
