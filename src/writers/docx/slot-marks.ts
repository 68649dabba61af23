/**
 * How a slot is marked in a generated DOCX, shared by the writer and `narrative pull`.
 * Word bookmark names are letters, digits and underscores, at most 40 characters, so a slot id
 * (kebab-case) is written with underscores; the DOCX lists its slot ids in a custom property,
 * which is how a name is mapped back (and how a long id, shortened, is still found).
 */
import { createHash } from "node:crypto";

export const SLOT_BOOKMARK_PREFIX = "edih_";
/**
 * A point mark at the start of what follows a slot. The slot's own bookmark is not enough:
 * a paragraph typed after its last one (Enter at the end) falls outside a bookmark, in Word and
 * LibreOffice alike, but it stays before this mark.
 */
export const SLOT_END_PREFIX = "edihend_";
/** Paragraph style of a box's "To be completed:" line, which is not the person's text. */
export const FILL_LABEL_STYLE = "EdihFillLabel";
/** LibreOffice rewrites style ids from style names (EDIHfilllabel): the reader goes by name. */
export const FILL_LABEL_STYLE_NAME = "EDIH fill label";
const MAX_BOOKMARK = 40;

export function slotBookmarkName(id: string, prefix: string = SLOT_BOOKMARK_PREFIX): string {
  const name = prefix + id.replace(/-/g, "_");
  if (/^[a-z0-9-]+$/.test(id) && name.length <= MAX_BOOKMARK) return name;
  // Too long, or letters Word does not take in a name (Cyrillic ids): what fits, plus a hash.
  const tag = createHash("sha256").update(id).digest("hex").slice(0, 8);
  return `${(prefix + id.replace(/[^A-Za-z0-9]/g, "_")).slice(0, MAX_BOOKMARK - 9)}_${tag}`;
}
