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
