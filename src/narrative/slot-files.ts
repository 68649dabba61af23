/** Where `narrative pull` writes a slot's text, and which slots a rendered tree has. */
import type { Root } from "mdast";
import { posix } from "node:path";

/** `narrative/<document>/[<partner>/]<slot>.<lang>.md`, relative to the application folder. */
export function narrativeFile(who: { document: string; partner?: string; lang: string }, slot: string): string {
  return posix.join("narrative", who.document, ...(who.partner ? [who.partner] : []), `${slot}.${who.lang}.md`);
}

/** Ids of the `:::fill{#id}` slots of a tree, in document order. */
export function slotIds(tree: Root): string[] {
  const ids: string[] = [];
  const walk = (node: { type: string; name?: string; attributes?: Record<string, string | null | undefined> | null; children?: unknown[] }) => {
    if (node.type === "containerDirective" && node.name === "fill" && node.attributes?.id) ids.push(node.attributes.id);
    for (const c of (node.children ?? []) as (typeof node)[]) walk(c);
  };
  walk(tree as never);
  return ids;
}
