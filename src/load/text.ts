/**
 * Every text input (YAML, templates, partials, labels, narrative) passes through here, so two
 * invisible differences never change what is printed: a byte-order mark (Windows editors write
 * one; left in a template it hides the front matter) is dropped, and the text is normalised to
 * NFC (an и typed as и + combining breve on macOS would otherwise be drawn as two glyphs, the
 * accent beside the letter).
 */
import { readFileSync } from "node:fs";

export function cleanText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.normalize("NFC");
}

/** A UTF-8 text file, cleaned. */
export function readTextFile(path: string): string {
  return cleanText(readFileSync(path, "utf8"));
}
