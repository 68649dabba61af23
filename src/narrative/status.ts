/**
 * `edih narrative status` as a library call: for every planned document copy and language, each
 * slot with its state, counts, limit and the file that holds (or would hold) its text.
 */
import type { CallPack } from "../calls/index.js";
import type { NarrativeFacts } from "../rules/types.js";
import { narrativePath } from "./paths.js";

export interface SlotStatus {
  slot: string;
  state: "filled" | "empty";
  words: number;
  characters: number;
  /** Character limit from the call pack, with the fact it comes from. */
  limit: { max_chars: number; fact: string } | null;
  over: boolean;
  /** The narrative file (written or to write), or `yaml:<field>` when the template takes the text from YAML. */
  file: string;
}

export interface DocumentStatus {
  document: string;
  lang: "bg" | "en";
  partner: string | null;
  slots: SlotStatus[];
  filled: number;
  empty: number;
}

export function slotStatus(facts: NarrativeFacts, pack: Pick<CallPack, "slots">): DocumentStatus[] {
  return facts.documents.map(({ job, slots, files }) => {
    const rows = slots.map((s): SlotStatus => {
      const f = files.find((x) => x.slot === s.id && x.text.trim() !== "");
      const limit = pack.slots[`${job.document}/${s.id}`] ?? null;
      const path = narrativePath({ document: job.document, ...(job.partner ? { partner: job.partner } : {}), slot: s.id, lang: job.lang });
      const counts = f ? { words: f.words, characters: f.characters } : { words: s.words ?? 0, characters: s.characters ?? 0 };
      const filled = Boolean(f || s.fromYaml);
      return { slot: s.id, state: filled ? "filled" : "empty", ...counts, limit, over: limit !== null && counts.characters > limit.max_chars,
        file: f || !s.fromYaml ? path : `yaml:${s.fromYaml}` };
    });
    const filled = rows.filter((r) => r.state === "filled").length;
    return { document: job.document, lang: job.lang, partner: job.partner ?? null, slots: rows, filled, empty: rows.length - filled };
  });
}

export function formatStatusText(docs: readonly DocumentStatus[], lang: "bg" | "en" = "en"): string {
  const num = (n: number) => n.toLocaleString(lang === "bg" ? "bg-BG" : "en-GB");
  const lines: string[] = [];
  const width = Math.max(4, ...docs.flatMap((d) => d.slots.map((s) => s.slot.length)));
  for (const d of docs) {
    lines.push(`${d.document}${d.partner ? ` for ${d.partner}` : ""} (${d.lang}): ${d.filled} of ${d.slots.length} slots written`);
    for (const s of d.slots) {
      const counts = s.state === "filled" ? `${num(s.words)} words, ${num(s.characters)} characters` : "";
      const limit = s.limit ? ` (limit ${num(s.limit.max_chars)}${s.over ? `: ${num(s.characters - s.limit.max_chars)} over` : ""})` : "";
      lines.push(`  ${s.state.padEnd(6)}  ${s.slot.padEnd(width)}  ${(counts + limit).padEnd(36)}  ${s.file}`);
    }
  }
  const total = docs.reduce((n, d) => n + d.slots.length, 0);
  const empty = docs.reduce((n, d) => n + d.empty, 0);
  lines.push(`${docs.length} documents, ${total} slots: ${total - empty} written, ${empty} empty`);
  return lines.join("\n") + "\n";
}
