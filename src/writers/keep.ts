/** Which blocks both writers keep on the same page as the block after them. */
import { textOf, type DocNode } from "../render/tree.js";

/** A paragraph that introduces what follows ("Services provided:") belongs on the page of its list or table. */
export function keepsWithNext(n: DocNode, next: DocNode | undefined): boolean {
  if (n.type !== "paragraph" || !next || !["list", "table", "containerDirective"].includes(next.type)) return false;
  return /:\s*$/.test(textOf(n));
}

/** A fill box shorter than this (in characters) is kept on one page; a longer one may split. */
export const FILL_KEEP_CHARS = 900;

export const isSignatures = (n: DocNode | undefined): boolean => n?.type === "containerDirective" && n.name === "signatures";

/** A closing line ("Място: … Дата: …", "С уважение,") rather than a paragraph of the document's text. */
const CLOSING_LINE_CHARS = 100;
/** At most this many paragraphs directly before the signatures travel with them. */
const CLOSING_PARAGRAPHS = 3;

/**
 * Where the closing group of the signatures at `nodes[at]` starts: the closing lines directly
 * before the signatures (the place-and-date line, "Yours sincerely,") and the block of text (a
 * paragraph, a short fill box) before them. Both writers keep the group and the first signatory on
 * one page, so a signature never stands on a page of its own under nothing but a date.
 */
export function closingGroupStart(nodes: readonly DocNode[], at: number): number {
  let start = at;
  while (start > 0 && at - start < CLOSING_PARAGRAPHS && isClosingLine(nodes[start - 1]!)) start--;
  const before = nodes[start - 1];
  if (before && (before.type === "paragraph" || isShortFill(before))) start--;
  return start;
}

const isClosingLine = (n: DocNode): boolean => n.type === "paragraph" && textOf(n).length < CLOSING_LINE_CHARS;
const isShortFill = (n: DocNode): boolean => n.type === "containerDirective" && n.name === "fill" && textOf(n).length < FILL_KEEP_CHARS;

/** For each node, whether it belongs to the closing group of a signature block that follows it. */
export function closingGroups(nodes: readonly DocNode[]): boolean[] {
  const inGroup = nodes.map(() => false);
  nodes.forEach((n, i) => {
    if (!isSignatures(n)) return;
    for (let j = closingGroupStart(nodes, i); j < i; j++) inGroup[j] = true;
  });
  return inGroup;
}
