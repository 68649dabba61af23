/**
 * A strict XML reader for the parts of a DOCX: a small element tree on top of sax (strict mode:
 * malformed XML is an error, not a guess). A DOCTYPE is refused outright: WordprocessingML never
 * has one, and entity declarations are how "billion laughs" files blow up.
 */
import sax from "sax";

export interface XmlElement {
  /** Qualified name as written, e.g. `w:p`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

export function parseXml(text: string, part: string): XmlElement {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: string | undefined;
  parser.onerror = (e) => {
    failure ??= `${part}: not well-formed XML (${e.message.split("\n")[0]})`;
    // Stop at the first error: sax would otherwise go on with a guess.
    parser.error = null as unknown as Error;
    parser.close();
  };
  parser.ondoctype = () => {
    failure ??= `${part}: has a DOCTYPE, which no Word document has`;
  };
  parser.onopentag = (tag) => {
    const el: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const addText = (t: string) => {
    const kids = stack[stack.length - 1]!.children;
    const last = kids[kids.length - 1];
    if (typeof last === "string") kids[kids.length - 1] = last + t;
    else kids.push(t);
  };
  parser.ontext = addText;
  parser.oncdata = addText;
  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= `${part}: not well-formed XML (${String((err as Error).message).split("\n")[0]})`;
  }
  if (failure) throw new XmlError(failure);
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new XmlError(`${part}: empty XML part`);
  return top;
}

export const elements = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== "string");
/** The first child element with the name; without copying the children (readDocx asks this for every run). */
export const child = (el: XmlElement, name: string): XmlElement | undefined => {
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
};
export const textContent = (el: XmlElement): string => el.children.map((c) => (typeof c === "string" ? c : textContent(c))).join("");
