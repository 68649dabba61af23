import { Document, isMap, isSeq, visit } from "yaml";

/**
 * Serialise new data as YAML the way FORMAT.md writes it: short maps and lists (names, seats,
 * languages, roles) on one line, everything else in block style. Only for files edih creates;
 * existing files are edited through the Document API so the user's formatting survives.
 */
export function toYaml(data: unknown, flowKeys: readonly string[] = FLOW_KEYS): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? "");
      if (flowKeys.includes(key) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export const FLOW_KEYS = ["name", "seat", "languages", "roles", "technologies", "sectors", "target_groups", "expertise", "city"] as const;
