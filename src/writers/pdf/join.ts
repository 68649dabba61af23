/**
 * Joins PDFs written by Typst into one, with one top-level bookmark per part, without a general
 * PDF library. Loading every part into @cantoo/pdf-lib's object model (~2 MB of PDF per language)
 * cost ~0.3-0.6 s of CPU per language, on every rebuild that changed any part: most of the fixed
 * cost of rebuilding after one partner's edit.
 *
 * Why this is sound: Typst writes a plain file — one classic xref table, no object streams, no
 * xref streams, no incremental updates, no encryption — so the objects a page needs are found by
 * offset, parsed as PDF syntax (dictionaries, arrays, references; stream bytes are copied untouched,
 * never decoded) and written again with their references renumbered. What is taken from each part
 * is what pdf-lib's copyPages took: the pages and every object reachable from them (content,
 * fonts, annotations, link destinations), minus the page's /Parent; the part's catalog, tagging
 * tree and outline stay behind. Links inside a part now land on the package's own pages (pdf-lib
 * copied their target pages a second time, outside the page tree).
 *
 * A part in any other form (a PDF saved by another program and kept by the build, say) makes
 * `joinPdfs` return undefined, and the caller merges with pdf-lib instead.
 */
import { createHash } from "node:crypto";
import { FIXED_DATE } from "../fixed.js";
import { langTag } from "../theme.js";

export interface JoinMeta {
  title: string;
  lang: "bg" | "en";
  author?: string;
}

/** A part outside the plain form this file reads. */
class NotPlain extends Error {}

class Ref {
  constructor(readonly num: number, readonly gen: number) {}
}
type Dict = Map<string, Value>;
/** Numbers, names, strings, booleans and null are kept as their source text. */
type Value = string | Ref | Value[] | Dict;

const isDict = (v: Value | undefined): v is Dict => v instanceof Map;

// Byte classes of PDF syntax (ISO 32000-1, 7.2.2).
const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIM[c.charCodeAt(0)] = 1;
const ENDS_TOKEN = WHITE.map((w, i) => w | DELIM[i]!);

/** One part: its bytes, the xref table's offsets, and objects parsed on demand. */
class Part {
  readonly version: string;
  private readonly offsets = new Map<number, { offset: number; gen: number }>();
  private readonly parsed = new Map<number, { value: Value; stream?: Uint8Array }>();
  private p = 0;
  /** The bytes as Latin-1 text, one character per byte: tokens are cut from it by offset. */
  private readonly text: string;

  constructor(private readonly b: Uint8Array) {
    this.text = Buffer.from(b.buffer, b.byteOffset, b.length).toString("latin1");
    const head = this.text.slice(0, 16).match(/^%PDF-(\d\.\d)/);
    if (!head) throw new NotPlain("no PDF header");
    this.version = head[1]!;
    const tail = this.text.slice(Math.max(0, b.length - 1024));
    const start = tail.match(/startxref\s+(\d+)\s+%%EOF\s*$/);
    if (!start) throw new NotPlain("no startxref at the end");
    this.p = Number(start[1]);
    this.skip();
    if (!this.keyword("xref")) throw new NotPlain("not a classic xref table");
    this.readXref();
  }

  trailer!: Dict;

  private readXref(): void {
    // Subsections of "first count", then 20-byte entries "oooooooooo ggggg n".
    for (;;) {
      this.skip();
      if (this.keyword("trailer")) break;
      const first = this.integer();
      this.skip();
      const count = this.integer();
      for (let i = 0; i < count; i++) {
        this.skip();
        const offset = this.integer();
        this.skip();
        const gen = this.integer();
        this.skip();
        const kind = this.b[this.p++];
        if (kind === 0x6e /* n */) this.offsets.set(first + i, { offset, gen });
        else if (kind !== 0x66 /* f */) throw new NotPlain("bad xref entry");
      }
    }
    const trailer = this.value();
    if (!isDict(trailer)) throw new NotPlain("no trailer dictionary");
    // An updated file (/Prev) or an encrypted one is not Typst's plain output.
    if (trailer.has("/Prev") || trailer.has("/Encrypt") || trailer.has("/XRefStm")) throw new NotPlain("updated or encrypted file");
    this.trailer = trailer;
  }

  object(ref: Ref): { value: Value; stream?: Uint8Array } {
    const known = this.parsed.get(ref.num);
    if (known) return known;
    const at = this.offsets.get(ref.num);
    if (!at || at.gen !== ref.gen) throw new NotPlain(`object ${ref.num} ${ref.gen} is not in the xref table`);
    this.p = at.offset;
    this.skip();
    const num = this.integer();
    this.skip();
    const gen = this.integer();
    this.skip();
    if (num !== ref.num || gen !== ref.gen || !this.keyword("obj")) throw new NotPlain(`object ${ref.num} is not where the xref table says`);
    const value = this.value();
    this.skip();
    let stream: Uint8Array | undefined;
    if (this.keyword("stream")) {
      if (!isDict(value)) throw new NotPlain("stream without a dictionary");
      if (this.b[this.p] === 13) this.p++;
      if (this.b[this.p] !== 10) throw new NotPlain("stream keyword not followed by an end of line");
      const from = this.p + 1;
      const len = this.lengthOf(value);
      stream = this.b.subarray(from, from + len);
      this.p = from + len;
      this.skip();
      if (!this.keyword("endstream")) throw new NotPlain(`object ${ref.num}: /Length does not end its stream`);
    }
    const entry = stream ? { value, stream } : { value };
    this.parsed.set(ref.num, entry);
    return entry;
  }

  private lengthOf(dict: Dict): number {
    const len = dict.get("/Length");
    const here = this.p;
    const n = len instanceof Ref ? this.object(len).value : len;
    this.p = here;
    if (typeof n !== "string" || !/^\d+$/.test(n)) throw new NotPlain("stream without a usable /Length");
    return Number(n);
  }

  /** Skips white space and comments. */
  private skip(): void {
    const b = this.b;
    for (;;) {
      while (this.p < b.length && WHITE[b[this.p]!]) this.p++;
      if (b[this.p] !== 0x25 /* % */) return;
      while (this.p < b.length && b[this.p] !== 10 && b[this.p] !== 13) this.p++;
    }
  }

  /** Consumes `word` when it stands here as a whole token. */
  private keyword(word: string): boolean {
    const b = this.b;
    for (let i = 0; i < word.length; i++) if (b[this.p + i] !== word.charCodeAt(i)) return false;
    const after = this.p + word.length;
    if (after < b.length && !ENDS_TOKEN[b[after]!]) return false;
    this.p = after;
    return true;
  }

  private integer(): number {
    const b = this.b;
    const from = this.p;
    while (b[this.p]! >= 0x30 && b[this.p]! <= 0x39) this.p++;
    if (this.p === from) throw new NotPlain("integer expected");
    return Number(this.text.slice(from, this.p));
  }

  private value(): Value {
    this.skip();
    const b = this.b;
    const c = b[this.p];
    if (c === undefined) throw new NotPlain("unexpected end of file");
    const from = this.p;
    if (c === 0x2f /* / */) {
      this.p++;
      while (this.p < b.length && !ENDS_TOKEN[b[this.p]!]) this.p++;
      return this.text.slice(from, this.p);
    }
    if (c === 0x28 /* ( */) {
      let depth = 0;
      for (; this.p < b.length; this.p++) {
        const x = b[this.p];
        if (x === 0x5c /* \ */) this.p++;
        else if (x === 0x28) depth++;
        else if (x === 0x29 && --depth === 0) break;
      }
      if (this.p >= b.length) throw new NotPlain("unterminated string");
      this.p++;
      return this.text.slice(from, this.p);
    }
    if (c === 0x3c /* < */) {
      if (b[this.p + 1] === 0x3c) {
        this.p += 2;
        const dict: Dict = new Map();
        for (;;) {
          this.skip();
          if (b[this.p] === 0x3e && b[this.p + 1] === 0x3e) {
            this.p += 2;
            return dict;
          }
          const key = this.value();
          if (typeof key !== "string" || key[0] !== "/") throw new NotPlain("dictionary key is not a name");
          dict.set(key, this.value());
        }
      }
      const end = b.indexOf(0x3e, this.p);
      if (end < 0) throw new NotPlain("unterminated hex string");
      this.p = end + 1;
      return this.text.slice(from, this.p);
    }
    if (c === 0x5b /* [ */) {
      this.p++;
      const items: Value[] = [];
      for (;;) {
        this.skip();
        if (b[this.p] === 0x5d /* ] */) {
          this.p++;
          return items;
        }
        items.push(this.value());
      }
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      while (this.p < b.length && !ENDS_TOKEN[b[this.p]!]) this.p++;
      const token = this.text.slice(from, this.p);
      if (!/^\d+$/.test(token)) return token;
      // "num gen R" is a reference; anything else leaves the two numbers as they were.
      const after = this.p;
      this.skip();
      const genFrom = this.p;
      while (b[this.p]! >= 0x30 && b[this.p]! <= 0x39) this.p++;
      if (this.p > genFrom) {
        const gen = Number(this.text.slice(genFrom, this.p));
        this.skip();
        if (this.keyword("R")) return new Ref(Number(token), gen);
      }
      this.p = after;
      return token;
    }
    for (const word of ["true", "false", "null"]) if (this.keyword(word)) return word;
    throw new NotPlain(`unexpected byte ${c} at ${from}`);
  }
}

/** Page attributes a page may take from its ancestors in the page tree (ISO 32000-1, 7.7.3.4). */
const INHERITED = ["/Resources", "/MediaBox", "/CropBox", "/Rotate"];

interface PageLeaf {
  ref: Ref;
  dict: Dict;
  inherited: Map<string, Value>;
}

function pagesOf(part: Part): PageLeaf[] {
  const root = part.trailer.get("/Root");
  const catalog = root instanceof Ref ? part.object(root).value : undefined;
  const tree = isDict(catalog) ? catalog.get("/Pages") : undefined;
  if (!(tree instanceof Ref)) throw new NotPlain("no page tree");
  const leaves: PageLeaf[] = [];
  const seen = new Set<number>();
  const walk = (ref: Ref, inherited: Map<string, Value>) => {
    if (seen.has(ref.num)) throw new NotPlain("page tree has a cycle");
    seen.add(ref.num);
    const node = part.object(ref).value;
    if (!isDict(node)) throw new NotPlain("page tree node is not a dictionary");
    const type = node.get("/Type");
    if (type === "/Page") {
      leaves.push({ ref, dict: node, inherited });
      return;
    }
    const kids = node.get("/Kids");
    if (type !== "/Pages" || !Array.isArray(kids)) throw new NotPlain("page tree node without /Kids");
    const mine = new Map(inherited);
    for (const key of INHERITED) if (node.has(key)) mine.set(key, node.get(key)!);
    for (const kid of kids) {
      if (!(kid instanceof Ref)) throw new NotPlain("page tree kid is not a reference");
      walk(kid, mine);
    }
  };
  walk(tree, new Map());
  return leaves;
}

/** Output of the joined file: text and stream bytes, with the offset of each object. */
class Writer {
  readonly chunks: Uint8Array[] = [];
  length = 0;
  readonly offsets: number[] = [];

  text(s: string): void {
    this.bytes(Buffer.from(s, "latin1"));
  }

  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }

  object(num: number, body: string, stream?: Uint8Array): void {
    this.offsets[num] = this.length;
    if (!stream) {
      this.text(`${num} 0 obj\n${body}\nendobj\n`);
      return;
    }
    this.text(`${num} 0 obj\n${body}\nstream\n`);
    this.bytes(stream);
    this.text("\nendstream\nendobj\n");
  }
}

/** A text string as UTF-16BE with its byte-order mark, in hex: any script, no escaping. */
function textString(s: string): string {
  let hex = "<FEFF";
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `${hex}>`;
}

function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `(D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/**
 * The parts' pages in order, one bookmark per part to its first page, the package's title,
 * author and /Lang; byte-identical for the same parts. Undefined when a part is not in the plain
 * form Typst writes.
 */
export function joinPdfs(parts: { title: string; bytes: Uint8Array }[], meta: JoinMeta): Uint8Array | undefined {
  try {
    return join(parts, meta);
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

function join(parts: { title: string; bytes: Uint8Array }[], meta: JoinMeta): Uint8Array {
  const read = parts.map((p) => new Part(p.bytes));
  const leaves = read.map(pagesOf);
  // Numbers 1-4 and one per bookmark are the package's own objects; the parts' follow.
  const CATALOG = 1, PAGES = 2, INFO = 3, OUTLINES = 4;
  const withPages = parts.map((_, i) => i).filter((i) => leaves[i]!.length > 0);
  const itemNum = new Map(withPages.map((i, k) => [i, OUTLINES + 1 + k]));
  let next = OUTLINES + 1 + withPages.length;

  const version = read.map((p) => p.version).reduce((a, b) => (b > a ? b : a), "1.7");
  const out = new Writer();
  out.text(`%PDF-${version}\n%\xE2\xE3\xCF\xD3\n`);

  const kids: number[] = [];
  const firstPage = new Map<number, number>();
  read.forEach((part, i) => {
    const pages = leaves[i]!;
    const pageNums = new Map(pages.map((leaf) => [leaf.ref.num, next++]));
    const numbers = new Map<number, number>();
    const queue: Ref[] = [];
    const renumber = (ref: Ref): number => {
      const page = pageNums.get(ref.num);
      if (page !== undefined) return page;
      let n = numbers.get(ref.num);
      if (n === undefined) {
        n = next++;
        numbers.set(ref.num, n);
        queue.push(ref);
      }
      return n;
    };
    const write = (v: Value): string => {
      if (typeof v === "string") return v;
      if (v instanceof Ref) return `${renumber(v)} 0 R`;
      if (Array.isArray(v)) return `[${v.map(write).join(" ")}]`;
      let s = "<<";
      for (const [k, x] of v) s += `${k} ${write(x)}\n`;
      return `${s}>>`;
    };
    for (const leaf of pages) {
      const page: Dict = new Map();
      for (const [k, v] of leaf.dict) page.set(k, k === "/Parent" ? `${PAGES} 0 R` : v);
      if (!page.has("/Parent")) page.set("/Parent", `${PAGES} 0 R`);
      for (const [k, v] of leaf.inherited) if (!page.has(k)) page.set(k, v);
      const num = pageNums.get(leaf.ref.num)!;
      out.object(num, write(page));
      kids.push(num);
      if (!firstPage.has(i)) firstPage.set(i, num);
    }
    for (let ref = queue.shift(); ref; ref = queue.shift()) {
      const { value, stream } = part.object(ref);
      // The part's catalog or page tree reached from a page would drag the part's whole structure along.
      if (isDict(value) && (value.get("/Type") === "/Catalog" || value.get("/Type") === "/Pages")) throw new NotPlain("a page refers to the document structure");
      if (isDict(value) && value.get("/Type") === "/Page") throw new NotPlain("a page outside the page tree");
      if (!stream) {
        out.object(numbers.get(ref.num)!, write(value));
        continue;
      }
      const dict = new Map(value as Dict);
      dict.set("/Length", String(stream.length));
      out.object(numbers.get(ref.num)!, write(dict), stream);
    }
  });

  withPages.forEach((i, k) => {
    const links = [`/Title ${textString(parts[i]!.title)}`, `/Parent ${OUTLINES} 0 R`, `/Dest [${firstPage.get(i)} 0 R /XYZ null null null]`];
    if (k > 0) links.push(`/Prev ${itemNum.get(withPages[k - 1]!)} 0 R`);
    if (k < withPages.length - 1) links.push(`/Next ${itemNum.get(withPages[k + 1]!)} 0 R`);
    out.object(itemNum.get(i)!, `<<${links.join("\n")}\n>>`);
  });
  const ends = withPages.length ? `\n/First ${OUTLINES + 1} 0 R\n/Last ${OUTLINES + withPages.length} 0 R` : "";
  out.object(OUTLINES, `<</Type /Outlines\n/Count ${withPages.length}${ends}\n>>`);
  out.object(PAGES, `<</Type /Pages\n/Count ${kids.length}\n/Kids [${kids.map((n) => `${n} 0 R`).join(" ")}]\n>>`);
  const date = pdfDate(FIXED_DATE);
  out.object(INFO, `<</Title ${textString(meta.title)}\n${meta.author ? `/Author ${textString(meta.author)}\n` : ""}/Creator ${textString("edih")}\n/Producer ${textString("edih")}\n/CreationDate ${date}\n/ModDate ${date}\n>>`);
  out.object(CATALOG, `<</Type /Catalog\n/Pages ${PAGES} 0 R\n/Outlines ${OUTLINES} 0 R\n/PageMode /UseOutlines\n/Lang (${langTag(meta.lang)})\n/ViewerPreferences <</DisplayDocTitle true>>\n>>`);

  const xref = out.length;
  const size = next;
  let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const at = out.offsets[n];
    if (at === undefined) throw new Error(`joined PDF: object ${n} was numbered but not written`);
    table += `${String(at).padStart(10, "0")} 00000 n \n`;
  }
  // The file identifier is the hash of the body: the same parts give the same identifier.
  const hash = createHash("sha256");
  for (const c of out.chunks) hash.update(c);
  const id = hash.digest("hex").slice(0, 32).toUpperCase();
  out.text(`${table}trailer\n<</Size ${size}\n/Root ${CATALOG} 0 R\n/Info ${INFO} 0 R\n/ID [<${id}> <${id}>]\n>>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(out.chunks);
}
