/**
 * The look both writers share: colours, page geometry, type sizes and the words they fall back on
 * when a template set's labels lack one. The DOCX and the PDF read these values, so a change here
 * changes both formats alike (and both keep paginating alike).
 */

/** Colours as six hex digits (DOCX form); `typstColor` gives the PDF's. */
export const COLORS = {
  fillShade: "FFF2CC",
  fillBorder: "BF9000",
  headerShade: "D9E2F3",
  heading: "1F3864",
  link: "1A4F8B",
  grid: "808080",
  quoteRule: "A0A0A0",
  caption: "555555",
  subtitle: "404040",
  pageHeader: "808080",
  draftMark: "C00000",
  codeShade: "EEEEEE",
} as const;

export const typstColor = (hex: string): string => `rgb("#${hex}")`;

/** A4 with 2 cm margins. */
export const PAGE = { widthPt: 595.28, heightPt: 841.89, marginPt: 56.69 } as const;
export const TEXT_WIDTH_PT = PAGE.widthPt - 2 * PAGE.marginPt;

/** Points in twentieths of a point (DOCX units), rounded as Word stores them. */
export const twips = (pt: number): number => Math.round(pt * 20);

/** Type sizes in points. */
export const SIZES = { body: 11, title: 20, subtitle: 13, h1: 16, h2: 13, h3: 11.5, pageHeader: 8, footer: 9, caption: 9, draftMark: 12 } as const;

/**
 * A short document (a declaration, a letter) that would spill only its closing lines onto a second
 * page is set tighter instead: these are the steps tried in order, each a little denser than the
 * last, and the first that fits is used. Margins never go below 1.5 cm and text never below 10 pt.
 */
export interface Density {
  /** Body text size, pt. */
  size: number;
  /** Page margins, pt. */
  margin: number;
  /** Space between paragraphs, pt (added to the line gap). */
  paragraphGap: number;
}
export const NORMAL_DENSITY: Density = { size: SIZES.body, margin: PAGE.marginPt, paragraphGap: 6 };
export const TIGHTER: readonly Density[] = [
  { size: 11, margin: PAGE.marginPt, paragraphGap: 3 },
  { size: 10.5, margin: 48.19, paragraphGap: 3 },
  { size: 10, margin: 42.52, paragraphGap: 2 },
];

/** Words the writers print when a template set's labels do not give them. */
export const LABEL_FALLBACKS = {
  fill: "To be completed",
  contents: "Contents",
  signature: "Signature",
  date: "Date",
  page: "Page",
  of: "of",
} as const;

export type FallbackLabel = keyof typeof LABEL_FALLBACKS;

/** The language tag a document is marked with (PDF /Lang, DOCX proofing language). */
export const langTag = (lang: string): string => (lang === "bg" ? "bg-BG" : "en-GB");

export const labelOf = (labels: Readonly<Record<string, string>>, key: FallbackLabel): string => labels[key] ?? LABEL_FALLBACKS[key];
