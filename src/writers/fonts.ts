import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Arimo (SIL OFL 1.1, Google Fonts, packaged by @expo-google-fonts/arimo) is metric-compatible
 * with Arial, the DOCX font, so both formats break lines alike. Four real faces: no faked bold.
 */
export const PDF_FONT = "Arimo";

const FACES = {
  normal: "400Regular/Arimo_400Regular.ttf",
  bold: "700Bold/Arimo_700Bold.ttf",
  italics: "400Regular_Italic/Arimo_400Regular_Italic.ttf",
  bolditalics: "700Bold_Italic/Arimo_700Bold_Italic.ttf",
} as const;

export type Face = keyof typeof FACES;

let cache: Record<Face, Buffer> | undefined;

export function arimoFaces(): Record<Face, Buffer> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@expo-google-fonts/arimo/package.json"));
  const out = {} as Record<Face, Buffer>;
  for (const [face, rel] of Object.entries(FACES) as [Face, string][]) out[face] = readFileSync(join(root, rel));
  cache = out;
  return out;
}

/** Arial is on every consultant's machine; the PDF uses its metric twin Arimo so both paginate alike. */
export const DOCX_FONT = "Arial";
