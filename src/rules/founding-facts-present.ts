import { z } from "zod";
import { defineRule } from "./types.js";

/** Facts the founding documents print; each was an inline blank in the templates before. */
const FACTS = [
  { key: ["founding_meeting", "date"], what: "the date of the founding meeting", doc: "founding protocol" },
  { key: ["founding_meeting", "address"], what: "the address of the founding meeting's place", doc: "founding protocol" },
  { key: ["founding_meeting", "opened_by"], what: "who opened the founding meeting", doc: "founding protocol" },
  { key: ["founding_meeting", "chair"], what: "the chair of the founding meeting", doc: "founding protocol" },
  { key: ["founding_meeting", "secretary"], what: "the secretary of the founding meeting", doc: "founding protocol" },
  { key: ["management_board_size"], what: "the number of management board members", doc: "statute and founding protocol" },
  { key: ["management_board_term"], what: "the management board's term of office", doc: "statute" },
] as const;

export default defineRule({
  meta: {
    id: "founding-facts-present",
    description: "The facts the founding documents print (founding meeting, management board) are given (warning in a draft, error at --stage submission).",
    defaultSeverity: "warning",
    source: { text: "Закон за юридическите лица с нестопанска цел, as amended in 2016 (registration at the Registry Agency since 01.01.2018): the founding meeting adopts the statute and elects the first management body; its minutes and the statute are filed with application form А15 (БЦНП/BCNL FAQ “Учредяване на сдружение”, https://bcnl.org/faq/uchredyavane-na-sdruzhenie.html, read 11.2025)", confirmed: true },
    messages: {
      missing: "The {{document}} needs {{fact}}: hub.legal_entity.{{key}} is not given",
    },
    docs: "A draft may leave them blank (the documents show a marker to fill in); a submission may not.",
  },
  options: z.strictObject({}),
  check({ application, stage, callPack }, _o, report) {
    // Only a package with founding documents prints these facts.
    if (!callPack.documents.some((d) => d.id === "founding-protocol" || d.id === "statute")) return;
    const le = application.hub.legal_entity as unknown as Record<string, unknown>;
    for (const f of FACTS) {
      let v: unknown = le;
      for (const k of f.key) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
      if (v !== undefined && v !== null && v !== "") continue;
      report({ messageId: "missing", data: { document: f.doc, fact: f.what, key: f.key.join(".") },
        path: ["hub", "legal_entity", ...f.key], hint: "add it to edih.yaml (docs/FORMAT.md); until then the document shows a marker to fill in",
        ...(stage === "submission" ? { severity: "error" as const } : {}) });
    }
  },
});
