/**
 * docx builds and prepares a document's theme and styles anew for every document, though they are
 * the same for every document written with the same style options: for a one-page letter that is
 * about a third of docx's compile time. Here each is prepared once per process and shared.
 *
 * Why sharing cannot leak one document into another or go stale:
 * - the theme is docx's default (edih never passes one), so its prepared XML is one constant;
 * - the styles' prepared XML is a pure function of the style options (the cache key, as JSON) and
 *   of the theme's colours (that one constant); styles that number paragraphs would also touch the
 *   document's numbering while being prepared, so those are never shared;
 * - docx changes neither after the File is made, and the prepared XML is frozen, so a docx that
 *   started to write into it would throw instead of carrying one document's state into the next.
 * If docx's File stops keeping them where this looks, nothing is shared: same bytes, slower.
 */
import type { Document, IStylesOptions } from "docx";

/** What compile asks of a component, and what the theme also answers (colours for colour attributes). */
interface Component { prepForXml(context: object): object | undefined }
interface FileParts { styles?: Component; theme?: Component }

let theme: Component | undefined;
const styles = new Map<string, Component | null>();
const KEEP_STYLES = 16;

/** The file with the theme and styles of the first file written with the same options. */
export function shareFixedParts(file: Document, options: IStylesOptions): Document {
  const parts = file as unknown as FileParts;
  if (!isComponent(parts.theme) || !isComponent(parts.styles)) return file;
  theme ??= prepareOnce(parts.theme);
  parts.theme = theme;
  const key = JSON.stringify(options);
  let shared = styles.get(key);
  if (shared === undefined) {
    shared = numbersParagraphs(options) ? null : prepareOnce(parts.styles);
    if (styles.size >= KEEP_STYLES) styles.delete(styles.keys().next().value!);
    styles.set(key, shared);
  }
  if (shared) parts.styles = shared;
  return file;
}

const isComponent = (x: unknown): x is Component => typeof (x as Component | undefined)?.prepForXml === "function";

/** Styles that number paragraphs (`numbering` in a paragraph style's options) are prepared with the document. */
const numbersParagraphs = (options: IStylesOptions): boolean => JSON.stringify(options).includes("\"numbering\"");

/**
 * The component as it is (its getters, such as the theme's colours, answer as before), whose XML is
 * prepared the first time it is asked for and is then the same frozen object every time.
 */
function prepareOnce(component: Component): Component {
  let xml: object | undefined;
  const shared = Object.create(component) as Component;
  shared.prepForXml = (context) => (xml ??= deepFreeze(component.prepForXml.call(shared, context)));
  return shared;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
