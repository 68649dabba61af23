/**
 * Opens a DOCX sent back by a person, refusing what it must not read before reading it: not a zip,
 * an encrypted or old binary Word file (OLE compound file), a macro-enabled document, a zip bomb.
 * Only the few XML parts `narrative pull` needs are inflated, each bounded by its declared size
 * (fflate writes into a buffer of exactly that size, so a lying header cannot grow memory).
 */
import { strFromU8, unzipSync } from "fflate";
import { child, elements, parseXml, XmlError, type XmlElement } from "./xml.js";

/** A DOCX that cannot be read: one line for the person, exit 1. */
export class DocxError extends Error {}

export const LIMITS = {
  /** A narrative DOCX is a few hundred KB; Word files with images stay well under this. */
  fileBytes: 100 * 1024 * 1024,
  /** Sum of the declared sizes of the parts read. */
  totalBytes: 64 * 1024 * 1024,
  /** Deflate cannot honestly compress XML much beyond 1:100; bombs declare 1:1000 and more. */
  ratio: 200,
  entries: 20_000,
};

const WANTED = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/(document|numbering|styles|comments)\.xml|word\/_rels\/document\.xml\.rels|docProps\/(custom|core)\.xml)$/;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";

export interface DocxPackage {
  document: XmlElement;
  numbering?: XmlElement;
  styles?: XmlElement;
  comments?: XmlElement;
  rels?: XmlElement;
  custom?: XmlElement;
}

export function openDocx(bytes: Uint8Array, name: string): DocxPackage {
  if (/\.docm$/i.test(name)) throw new DocxError(`${name} is a macro-enabled Word file (.docm); save it as .docx (Word document) and pull that`);
  if (bytes.length > LIMITS.fileBytes) throw new DocxError(`${name} is ${Math.round(bytes.length / 1048576)} MB, more than a narrative DOCX can be (limit ${LIMITS.fileBytes / 1048576} MB)`);
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new DocxError(`${name} is an encrypted or old-format (.doc) Word file; remove the password (or save as .docx) in Word and pull again`);
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new DocxError(`${name} is not a DOCX (not a zip package); give the .docx file edih built and Word or LibreOffice saved`);
  }
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  let count = 0;
  let problem: string | undefined;
  let macros = false;
  try {
    Object.assign(parts, unzipSync(bytes, { filter: (f) => {
      if (++count > LIMITS.entries) problem ??= `has more than ${LIMITS.entries} entries`;
      if (/^word\/vbaProject\.bin$/i.test(f.name)) macros = true;
      if (!WANTED.test(f.name)) return false;
      total += f.originalSize;
      if (f.originalSize > 1024 * 1024 && f.originalSize > f.size * LIMITS.ratio) problem ??= `declares ${f.name} ${Math.round(f.originalSize / f.size)} times larger than stored (a zip bomb)`;
      if (total > LIMITS.totalBytes) problem ??= `declares more than ${LIMITS.totalBytes / 1048576} MB of text (a zip bomb)`;
      return problem === undefined;
    } }));
  } catch (err) {
    throw new DocxError(`${name} is a damaged zip package (${(err as Error).message}); save it again from Word or LibreOffice`);
  }
  if (problem) throw new DocxError(`${name} ${problem}; not read`);
  if (macros) throw new DocxError(`${name} contains macros (a .docm saved as .docx); save it as a plain .docx (Word document) and pull that`);
  return docxFromXml((path) => (parts[path] ? strFromU8(parts[path]) : undefined), name);
}

/**
 * A package from its XML parts as text (`text` gives a part's XML, undefined when it has none);
 * `parse` lets the build's own stamps reuse the trees of the parts every document shares.
 */
export function docxFromXml(text: (path: string) => string | undefined, name: string,
  parse: (xml: string, part: string) => XmlElement = parseXml): DocxPackage {
  const xml = (path: string): XmlElement | undefined => {
    const data = text(path);
    if (data === undefined) return undefined;
    try {
      return parse(data, `${name}: ${path}`);
    } catch (err) {
      if (err instanceof XmlError) throw new DocxError(err.message);
      throw err;
    }
  };
  const types = xml("[Content_Types].xml");
  if (!types) throw new DocxError(`${name} is a zip but not a Word document (no [Content_Types].xml)`);
  if (elements(types).some((o) => o.attrs["ContentType"] === MACRO_MAIN)) {
    throw new DocxError(`${name} contains macros (a .docm saved as .docx); save it as a plain .docx (Word document) and pull that`);
  }
  const document = xml("word/document.xml");
  if (!document || document.name !== "w:document" || !child(document, "w:body")) {
    throw new DocxError(`${name} is not a Word document (no word/document.xml body)`);
  }
  const pkg: DocxPackage = { document };
  const optional = { numbering: "word/numbering.xml", styles: "word/styles.xml", comments: "word/comments.xml",
    rels: "word/_rels/document.xml.rels", custom: "docProps/custom.xml" } as const;
  for (const [key, path] of Object.entries(optional) as [keyof typeof optional, string][]) {
    const el = xml(path);
    if (el) pkg[key] = el;
  }
  return pkg;
}
