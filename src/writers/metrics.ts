/**
 * Text widths from Arimo's own metrics (Arimo is metric-compatible with Arial, the DOCX font), so
 * the column plan is what Typst and Word will actually draw. Loads fontkit lazily.
 */
import type { Measure } from "./columns.js";

let cached: Measure | undefined;

export async function arimoMeasure(): Promise<Measure> {
  if (cached) return cached;
  const [fk, { arimoFaces }] = await Promise.all([import("@cantoo/fontkit"), import("./fonts.js")]);
  const fontkit = ((fk as { default?: unknown }).default ?? fk) as { create(b: Buffer): FontLike };
  const faces = arimoFaces();
  const regular = fontkit.create(faces.normal);
  const bold = fontkit.create(faces.bold);
  const advance = (font: FontLike, cache: Map<number, number>, cp: number): number => {
    let w = cache.get(cp);
    if (w === undefined) {
      w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      cache.set(cp, w);
    }
    return w;
  };
  const rc = new Map<number, number>();
  const bc = new Map<number, number>();
  // Kerning is left out: it only ever narrows Arial text, so the plan errs on the wide side.
  cached = (text, isBold) => {
    let em = 0;
    for (const ch of text) em += isBold ? advance(bold, bc, ch.codePointAt(0)!) : advance(regular, rc, ch.codePointAt(0)!);
    return em;
  };
  return cached;
}

interface FontLike {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}
