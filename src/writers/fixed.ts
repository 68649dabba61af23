/** The one instant written into every output (PDF info, DOCX core properties): rebuilds stay byte-identical. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
export const FIXED_DATE_ISO = "2000-01-01T00:00:00Z";
