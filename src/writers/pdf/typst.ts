/**
 * One Typst compiler per thread, created on first use and kept warm: fonts are parsed once, and
 * Typst's memoisation makes a rebuild after a small edit cheap (the watch loop relies on this).
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NodeCompiler as Compiler } from "@myriaddreamin/typst-ts-node-compiler";
import { arimoFaces } from "../fonts.js";

let compiler: Compiler | undefined;

/**
 * The project root Typst resolves `read`, `image` and `include` against: a folder that does not
 * exist, so no path reaches a file (and `..` out of a root is refused by Typst itself). edih's
 * generated source never names a file; this closes the door should text ever become code.
 */
export const TYPST_ROOT = join(dirname(fileURLToPath(import.meta.url)), "typst-root-without-files");

function typst(): Compiler {
  if (compiler) return compiler;
  // CommonJS native addon; createRequire keeps it out of the module graph until a PDF is laid out.
  const { NodeCompiler } = createRequire(import.meta.url)("@myriaddreamin/typst-ts-node-compiler") as typeof import("@myriaddreamin/typst-ts-node-compiler");
  compiler = NodeCompiler.create({ workspace: TYPST_ROOT, fontArgs: [{ fontBlobs: Object.values(arimoFaces()) }] });
  return compiler;
}

export class TypstError extends Error {}

export interface TypstLayout {
  bytes: Uint8Array;
  pages: number;
}

/** A laid-out document: its page count now, its PDF bytes and labelled values only when asked for. */
export interface TypstPages {
  pages: number;
  /** Writes the PDF. */
  export(): TypstLayout;
  /** The value of the metadata element labelled `label`, without writing the PDF. */
  query(label: string): unknown;
}

/**
 * The in-memory file a named document is compiled as. Typst's memoised layouts are keyed by the
 * syntax tree of the file they come from, and the compiler's copy of a file is updated from its
 * last contents: one file shared by every document reaches a document's edited source from
 * whatever document came before it, in a tree unlike the one its cached layouts were made from.
 * The first edit after a build then laid Part B out almost from scratch (bg: ~200 ms against ~30
 * ms in later edits). Under its own name, a document's file only ever follows its own versions.
 */
export function typstFile(name: string): string {
  return join(TYPST_ROOT, `${createHash("sha256").update(name).digest("hex").slice(0, 32)}.typ`);
}

/**
 * Lays Typst source out without writing the PDF: a document fitted onto one page is laid out at
 * several densities and only the one kept is exported (the others' export was ~3 ms each).
 * `name` says which document (and setting) this is, the same in every build: see typstFile.
 */
export function layTypst(source: string, name?: string): TypstPages {
  const c = typst();
  const file = name === undefined ? undefined : typstFile(name);
  let result: ReturnType<Compiler["compile"]>;
  if (file === undefined) result = c.compile({ mainFileContent: source });
  else {
    c.addSource(file, source);
    try {
      result = c.compile({ mainFilePath: file });
    } finally {
      // Not left readable: another document's `include` of it finds no file (tested).
      c.unmapShadow(file);
    }
  }
  const error = result.takeError();
  const doc = result.result;
  if (error || !doc) {
    const first = (error?.shortDiagnostics ?? []) as { message?: string }[];
    throw new TypstError(`Typst could not lay out the document: ${first.map((d) => d.message).join("; ") || "unknown error"}`);
  }
  // Old memoised layouts are dropped now and then so a long watch session does not grow without bound.
  if (++compiled % 64 === 0) c.evictCache(30);
  return {
    pages: doc.numOfPages,
    query: (label) => (c.query(doc, { selector: `<${label}>`, field: "value" }) as unknown[] | undefined)?.[0],
    export: () => {
      const pdf = c.pdf(doc);
      return { bytes: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages: doc.numOfPages };
    },
  };
}

/** Compiles Typst source to PDF bytes and the page count. */
export function compileTypst(source: string): TypstLayout {
  return layTypst(source).export();
}
let compiled = 0;
