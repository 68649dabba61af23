// xml-own.ts reads the XML docx writes without sax; the stamps of every DOCX depend on its tree
// being exactly parseXml's (what `narrative pull` reads), so both are compared on random XML in
// docx's style, with constructs outside the subset mixed in, and on DOCX edih writes.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/narrative/xml.js";
import { parseOwnXml, subsetTree } from "../../src/narrative/xml-own.js";
import { renderDocument } from "../../src/render/index.js";
import { writeDocx } from "../../src/writers/docx/index.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

// Mostly what docx writes; now and then what it never does (sax would read it differently or fail).
const piece = fc.oneof(
  { weight: 300, arbitrary: fc.constantFrom("a", "Страница", " ", "  ", "&", "<", ">", "\"", "'", "\n", "\t", "]]>", "&amp;", "😀", "=") },
  { weight: 1, arbitrary: fc.constantFrom("\r", "\r\n", "\u0001", "&#169;", "&bogus;", "\uFEFF") });
const str = fc.array(piece, { maxLength: 6 }).map((a) => a.join(""));
const escText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escAttr = (s: string) => escText(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;");

interface Node { name: string; attrs: [string, string][]; kids: (Node | string)[] }
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: fc.constantFrom("w:p", "w:r", "w:t", "a", "w:bookmarkStart"),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("w:val", "xml:space", "r:id", "w:name"), str), { maxLength: 3, selector: (a) => a[0] }),
    kids: fc.array(fc.oneof({ weight: 2, arbitrary: str }, { weight: 1, arbitrary: tie("node") }), { maxLength: 4 }),
  }, { noNullPrototype: true }) as fc.Arbitrary<Node>,
})).node;

/** As docx's stringify writes it; `raw` leaves text and values unescaped (mostly not well-formed, or odd). */
function write(n: Node, raw: boolean): string {
  const attrs = n.attrs.map(([k, v]) => ` ${k}="${raw ? v : escAttr(v)}"`).join("");
  const kids = n.kids.map((k) => (typeof k === "string" ? (raw ? k : escText(k)) : write(k, raw))).join("");
  return kids ? `<${n.name}${attrs}>${kids}</${n.name}>` : `<${n.name}${attrs}/>`;
}

const ODD = ["", "<!-- note -->", "<![CDATA[x<y]]>", "<?pi x?>", "<a b='1'/>", "<a  b=\"1\"/>", "<a b = \"1\"/>", "</w:p >", "<a b=\"1\"c=\"2\"/>",
  "<a b=\"1\" b=\"2\"/>", "<é/>", "&#x41;"];

describe("parseOwnXml", () => {
  it("gives parseXml's tree, or fails as it does, for XML in docx's style and odd constructs in it", () => {
    let subset = 0;
    let cases = 0;
    fc.assert(fc.property(node, fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), fc.oneof({ weight: 12, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(...ODD) }), fc.nat(), fc.boolean(), (n, raw, odd, at, declared) => {
      const body = write(n, raw);
      const cut = body.indexOf(">") + 1;
      const inner = odd && cut > 0 && cut < body.length ? body.slice(0, cut) + odd + body.slice(cut) : body;
      const text = (declared ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" : "") + (at % 7 === 0 ? inner + " " : inner);
      cases++;
      // Plain comparisons: an expect() per case would cost more than the parsing. (sax takes
      // milliseconds to fail, hence few unescaped cases.)
      const outcome = (parse: typeof parseXml) => {
        try {
          return parse(text, "p.xml");
        } catch (err) {
          return (err as Error).message;
        }
      };
      if (subsetTree(text)) subset++;
      return isDeepStrictEqual(outcome(parseOwnXml), outcome(parseXml));
    }), { seed: SEED, numRuns: 1000 });
    // The subset is what most of the cases are in: the comparison is not only of sax with itself.
    expect(subset).toBeGreaterThan(cases / 3);
  });

  it("reads the word/document.xml edih writes without sax, as sax reads it", async () => {
    const hostile = "Quotes \"double\" and 'single', a & b < c > d, tab\there, ]]> and &amp; typed, Страница 😀";
    const template = `---\ntitle: Own XML\n---\n\n# Heading ${hostile}\n\n${hostile} [link](https://example.org/?a=1&b="2")\n\n- one\n- two\n\n| a | b |\n|---|---|\n| ${hostile} | 2 |\n\n:::fill{#why}\nWhy?\n:::\n`;
    for (const lang of ["en", "bg"] as const) {
      const { document } = renderDocument({ template, templatePath: "t.md.hbs", partials: {}, labels: {}, context: {}, lang });
      const xml = strFromU8(unzipSync(await writeDocx(document!))["word/document.xml"]!);
      const own = subsetTree(xml);
      expect(own).toBeDefined();
      expect(own).toEqual(parseXml(xml, "word/document.xml"));
    }
  });
});
