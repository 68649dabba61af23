/**
 * Finds pages of a PDF that hold nothing but a signature block: the signatories, their "Signature /
 * Date" captions and the closing lines (place and date, "Yours sincerely,"), under the running
 * header and above the page footer. Text is compared as letters only, so the check does not depend
 * on spacing or on where a renderer hyphenates.
 */
import { execFileSync } from "../spawn.js";
import type { RenderedDocument } from "../../src/render/index.js";
import { textOf, type DocNode } from "../../src/render/tree.js";

/** Letters (and digits) of a page left after the signature material: fewer than this is "nothing else". */
const OTHER_TEXT_MIN = 15;
/** A paragraph right before the signatures shorter than this is a closing line, not text of the document. */
const CLOSING_LINE = 100;

const letters = (s: string): string[] => [...s.normalize("NFC").toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));

export interface SignatureMaterial {
  /** What every page carries: the running header (the title) and the footer ("Page N of M"). */
  furniture: (page: number, of: number) => string[];
  /** The signature blocks' text: signatories, captions, closing lines. */
  signatures: string[];
  caption: string;
}

export function signatureMaterial(doc: RenderedDocument): SignatureMaterial {
  const caption = `${doc.labels["signature"] ?? "Signature"} / ${doc.labels["date"] ?? "Date"}`;
  const signatures: string[] = [];
  const walk = (nodes: readonly DocNode[]) => nodes.forEach((n, i) => {
    if (n.type === "containerDirective" && n.name === "signatures") {
      for (const item of n.children.flatMap((c) => (c.type === "list" ? c.children : []))) signatures.push(textOf(item));
      for (let j = i - 1; j >= 0 && nodes[j]!.type === "paragraph" && textOf(nodes[j]!).length < CLOSING_LINE; j--) signatures.push(textOf(nodes[j]!));
    } else if ("children" in n && Array.isArray(n.children)) walk(n.children as DocNode[]);
  });
  walk(doc.tree.children as DocNode[]);
  return { furniture: (p, n) => [doc.meta.title, `${doc.labels["page"] ?? "Page"} ${p} ${doc.labels["of"] ?? "of"} ${n}`], signatures, caption };
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/**
 * 1-based numbers of the pages that hold a signature caption and no other text of the document,
 * where the signatures start (a long list of signatories that continues from a page which already
 * holds signatures is a list, not a signature cut off from its text).
 */
export function signatureOnlyPages(pdf: string, m: SignatureMaterial): number[] {
  const out: number[] = [];
  const n = pageCount(pdf);
  // One pdftotext for the whole file (a start per page cost more than the reading): it ends every page with a form feed.
  const pages = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 }).split("\f").slice(0, -1);
  if (pages.length !== n) throw new Error(`${pdf}: pdftotext gave ${pages.length} pages, pdfinfo says ${n}`);
  const caption = letters(m.caption).join("");
  let previousSigned = false;
  for (let p = 1; p <= n; p++) {
    const text = pages[p - 1]!;
    // Letters only: spaces, punctuation and the hyphens of a word broken at a line end drop out.
    let rest = letters(text).join("");
    const signed = rest.includes(caption);
    if (signed && !previousSigned) {
      const material = [...m.furniture(p, n), ...m.signatures.flatMap((x) => x.split(/\n+/)), m.caption]
        .map((x) => letters(x).join("")).filter((x) => x.length > 0).sort((a, b) => b.length - a.length);
      for (const x of material) rest = rest.split(x).join("");
      if (rest.length < OTHER_TEXT_MIN) out.push(p);
    }
    previousSigned = signed;
  }
  return out;
}
