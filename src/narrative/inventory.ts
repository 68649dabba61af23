/**
 * Which slots each planned document copy has, found the only reliable way: by running its
 * template (ids built from data — `wp2-tasks`, `partner-<id>` — and boxes that appear only when a
 * YAML field is empty cannot be read off the template's text). The Markdown is scanned, not
 * parsed, and no writer runs.
 * Loads Handlebars and micromark: import lazily.
 */
import type { CallPack } from "../calls/index.js";
import type { Diagnostic } from "../diagnostics.js";
import { buildContext } from "../model/index.js";
import { templateSearchPath } from "../domain/install.js";
import { planJobs, type Job } from "../model/jobs.js";
import { loadTemplateSet, markdownRenderer } from "../render/index.js";
import { slotsInMarkdown } from "../render/slots.js";
import type { Application } from "../schema/index.js";
import type { NarrativeFile } from "./load.js";
import { countText } from "./markdown.js";

export interface SlotEntry {
  id: string;
  /** Set when the template fills the slot from a YAML field (`from=`): `yaml:hub.summary`. */
  fromYaml?: string;
  /** Counts of the YAML text, for slots filled from YAML. */
  words?: number;
  characters?: number;
}

export interface DocumentSlots {
  job: Job;
  slots: SlotEntry[];
}

export interface Inventory {
  documents: DocumentSlots[];
  files: NarrativeFile[];
  /** Template problems met while rendering (the build reports them too). */
  diagnostics: Diagnostic[];
}

export function slotInventory(projectDir: string, app: Application, pack: CallPack, files: NarrativeFile[]): Inventory {
  const dirs = templateSearchPath(projectDir);
  const renderers = new Map<string, ReturnType<typeof markdownRenderer> | undefined>();
  const diagnostics: Diagnostic[] = [];
  const documents: DocumentSlots[] = [];
  for (const job of planJobs(app, pack.documents)) {
    const key = `${job.document}/${job.lang}`;
    if (!renderers.has(key)) {
      const { set, diagnostics: d } = loadTemplateSet(dirs, job.document, job.lang);
      diagnostics.push(...d);
      renderers.set(key, set && markdownRenderer({ template: set.template.source, templatePath: set.template.path,
        partials: set.partials, labels: set.labels, lang: job.lang, currency: app.budget.currency }));
    }
    const renderer = renderers.get(key);
    if (!renderer) continue;
    const context = buildContext(app, { callPack: pack, lang: job.lang, ...(job.partner ? { partnerId: job.partner } : {}) });
    const r = renderer(context);
    if (r.markdown === undefined) { diagnostics.push(...r.diagnostics); continue; }
    documents.push({ job, slots: slotsInMarkdown(r.markdown).map((s) =>
      (s.from ? { id: s.id, fromYaml: s.from, ...countText(s.text ?? "") } : { id: s.id })) });
  }
  return { documents, files, diagnostics };
}

/** The narrative files of one document copy (its document and partner), every language. */
export function filesOf<F extends NarrativeFile>(files: readonly F[], job: Pick<Job, "document" | "partner">): F[] {
  return files.filter((f) => f.document === job.document && f.partner === job.partner);
}
