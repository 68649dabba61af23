/**
 * Which slots each planned document copy has, found the only reliable way: by rendering its
 * template to a tree (ids built from data — `wp2-tasks`, `partner-<id>` — and boxes that appear
 * only when a YAML field is empty cannot be read off the template's text). No writer runs.
 * Loads Handlebars and micromark: import lazily.
 */
import type { CallPack } from "../calls/index.js";
import type { Diagnostic } from "../diagnostics.js";
import { buildContext } from "../model/index.js";
import { templateSearchPath } from "../package/inputs.js";
import { planJobs, type Job } from "../package/plan.js";
import { documentRenderer, loadTemplateSet, type DocumentRenderer } from "../render/index.js";
import { slotData } from "../render/slots.js";
import type { Application } from "../schema/index.js";
import type { NarrativeFile } from "./load.js";
import { slotsIn } from "./insert.js";
import { countText } from "./markdown.js";
import { textOf } from "../render/tree.js";

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
  const renderers = new Map<string, DocumentRenderer | undefined>();
  const diagnostics: Diagnostic[] = [];
  const documents: DocumentSlots[] = [];
  for (const job of planJobs(app, pack.documents)) {
    const key = `${job.document}/${job.lang}`;
    if (!renderers.has(key)) {
      const { set, diagnostics: d } = loadTemplateSet(dirs, job.document, job.lang);
      diagnostics.push(...d);
      renderers.set(key, set && documentRenderer({ template: set.template.source, templatePath: set.template.path,
        partials: set.partials, labels: set.labels, lang: job.lang, currency: app.budget.currency }));
    }
    const renderer = renderers.get(key);
    if (!renderer) continue;
    const context = buildContext(app, { callPack: pack, lang: job.lang, ...(job.partner ? { partnerId: job.partner } : {}) });
    const r = renderer(context);
    if (!r.document) { diagnostics.push(...r.diagnostics); continue; }
    documents.push({ job, slots: slotsIn(r.document.tree).map((p) => {
      const src = slotData(p.node).source;
      if (!src?.startsWith("yaml:")) return { id: p.id };
      return { id: p.id, fromYaml: src.slice(5), ...countText(p.node.children.map((c) => textOf(c)).join("\n")) };
    }) });
  }
  return { documents, files, diagnostics };
}

/** The narrative files of one document copy (its document and partner), every language. */
export function filesOf<F extends NarrativeFile>(files: readonly F[], job: Pick<Job, "document" | "partner">): F[] {
  return files.filter((f) => f.document === job.document && f.partner === job.partner);
}
