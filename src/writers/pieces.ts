/**
 * What a writer's node handler returns: a block (paragraph, table, box) or an inline run (text,
 * link). Both writers share this shape so that mixed content becomes blocks the same way.
 */
export type Piece<B, I> = { block: B } | { inline: I };

/** Consecutive inline pieces become one paragraph (made by `paragraph`); blocks stay as they are. */
export function toBlocks<B, I>(pieces: readonly Piece<B, I>[], paragraph: (inlines: I[]) => B): B[] {
  const out: B[] = [];
  let run: I[] = [];
  const flush = () => {
    if (run.length) out.push(paragraph(run));
    run = [];
  };
  for (const p of pieces) {
    if ("inline" in p) run.push(p.inline);
    else {
      flush();
      out.push(p.block);
    }
  }
  flush();
  return out;
}
