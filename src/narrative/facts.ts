/**
 * What validation knows about narrative: the slots of every planned document copy and the files
 * written for them, with their counts. Rules read this (narrative-complete, narrative-limits);
 * files that match no slot, document or partner are reported here, once, at the file.
 */
import type { CallPack } from "../calls/index.js";
import type { Diagnostic } from "../diagnostics.js";
import type { NarrativeFacts } from "../rules/types.js";
import type { Application } from "../schema/index.js";
import { suggest } from "../schema/suggest.js";
import { readNarrative } from "./load.js";
import { countText, parseNarrative, plainText } from "./markdown.js";
import { filesOf, slotInventory } from "./inventory.js";

export function narrativeFacts(projectDir: string, app: Application, pack: CallPack): { facts: NarrativeFacts; diagnostics: Diagnostic[] } {
  const { files, diagnostics } = readNarrative(projectDir);
  const inventory = slotInventory(projectDir, app, pack, files);
  const counted = files.map((f) => ({ ...f, ...countText(plainText(parseNarrative(f.text))) }));

  const docIds = [...new Set(pack.documents.map((d) => d.id))];
  for (const f of files) {
    const warn = (message: string, hint: string) =>
      diagnostics.push({ ruleId: "narrative-slot", severity: "warning", file: f.path, line: 1, column: 1, message, hint });
    if (!docIds.includes(f.document)) {
      const near = suggest(f.document, docIds);
      warn(`no document "${f.document}" in call ${pack.id}; the text is not used${near ? `: did you mean "${near}"?` : ""}`,
        `the documents are ${docIds.join(", ")}`);
      continue;
    }
    const copies = inventory.documents.filter((d) => d.job.document === f.document && d.job.lang === f.lang);
    if (!copies.length) continue; // the document is not made in this language, or its template failed
    const copy = copies.find((d) => d.job.partner === f.partner);
    if (!copy) {
      const partners = copies.map((d) => d.job.partner).filter((p): p is string => p !== undefined);
      const near = f.partner ? suggest(f.partner, partners) : undefined;
      warn(f.partner
        ? `${f.document} has no copy for partner "${f.partner}"; the text is not used${near ? `: did you mean "${near}"?` : ""}`
        : `${f.document} is made once per partner: put the file in narrative/${f.document}/<partner>/`,
        partners.length ? `partners with a copy: ${partners.join(", ")}` : `narrative/${f.document}/${f.slot}.${f.lang}.md`);
      continue;
    }
    const ids = copy.slots.map((s) => s.id);
    if (ids.includes(f.slot)) continue;
    const near = suggest(f.slot, ids);
    warn(`no slot "${f.slot}" in ${f.document} (${f.lang}); the text is not used${near ? `: did you mean "${near}"?` : ""}`,
      near ? `rename the file to ${f.path.replace(/[^/]+$/, `${near}.${f.lang}.md`)}` : "`edih narrative status` lists the slots of every document");
  }
  diagnostics.push(...inventory.diagnostics.filter((d) => d.severity === "error"));
  return { facts: { documents: inventory.documents.map((d) => ({ ...d, files: filesOf(counted, d.job).filter((f) => f.lang === d.job.lang) })) }, diagnostics };
}
