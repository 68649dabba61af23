import { RawMarkdown, escapeMarkdown } from "./escape.js";
import { formatDate, formatMoney, formatNumber, formatPercent, parseDate, quote, type Currency, type Lang } from "./format.js";
import { loadLegalActs, type LegalActs } from "../refdata/legal-acts.js";
import { actName, citationOn } from "../model/legal-acts.js";
import { placeIn } from "../model/text.js";
import { pickLanguage } from "../domain/languages.js";
import type { Multilingual } from "../schema/index.js";

/** A helper misuse with the position Handlebars gave the call (`options.loc`). */
export class HelperError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

interface HelperOptions {
  name?: string;
  loc?: { start: { line: number; column: number } };
  fn?: unknown;
  hash?: Record<string, unknown>;
}

export interface HelperEnv {
  lang: Lang;
  currency: Currency;
  labels: Record<string, string>;
  /** Legal acts `{{act}}` cites; defaults to data/legal-acts.yaml, read on first use. */
  acts?: LegalActs;
}

function isOptions(x: unknown): x is HelperOptions {
  return !!x && typeof x === "object" && "loc" in (x as object) && "name" in (x as object);
}

function fail(opts: HelperOptions | undefined, message: string): never {
  const start = opts?.loc?.start;
  throw new HelperError(`{{${opts?.name ?? "?"}}}: ${message}`, start?.line, start ? start.column + 1 : undefined);
}

/** Splits Handlebars' trailing `options` argument from the real arguments. */
function split(args: unknown[]): { params: unknown[]; opts: HelperOptions | undefined } {
  const last = args[args.length - 1];
  if (isOptions(last)) return { params: args.slice(0, -1), opts: last };
  return { params: args, opts: undefined };
}

function toNumber(v: unknown, opts: HelperOptions | undefined): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return fail(opts, `expected a number, got ${v === undefined ? "undefined (misspelled field?)" : JSON.stringify(v)}`);
}

export function hasValue(x: unknown): boolean {
  if (x === null || x === undefined || x === "") return false;
  if (Array.isArray(x)) return x.length > 0;
  return true;
}

/** The inline fill-in marker: a text directive the writers draw as a highlighted `[…hint…]`. */
export function blankMarkdown(hint: string): RawMarkdown {
  return new RawMarkdown(`:blank[${escapeMarkdown(hint)}]`);
}

/** Multilingual text: `{bg, en}` or a plain string; a missing language falls back, marked `[en]`. */
export function translate(v: unknown, lang: Lang): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number") return String(v);
  const picked = pickLanguage(v, lang);
  if (!picked) return undefined;
  return picked.lang === lang ? picked.text : `[${picked.lang}] ${picked.text}`;
}

type Helper = (...args: unknown[]) => unknown;

/** A document date argument: null/absent means "written now"; anything else must be a real date. */
function isoDateParam(raw: unknown, opts: HelperOptions | undefined): string | null {
  if (!hasValue(raw)) return null;
  const p = parseDate(raw);
  if (!p) fail(opts, `not a date (YYYY-MM-DD): ${JSON.stringify(raw)}`);
  return `${p.y}-${String(p.m).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export function makeHelpers(env: HelperEnv): Record<string, Helper> {
  const { lang } = env;
  return {
    t(...args) {
      const { params, opts } = split(args);
      const out = translate(params[0], lang);
      if (out === undefined) fail(opts, `no text in ${JSON.stringify(params[0]) ?? "undefined (misspelled field?)"}`);
      return out;
    },
    money(...args) {
      const { params, opts } = split(args);
      const cur = params[1] === "BGN" || params[1] === "EUR" ? params[1] : env.currency;
      return formatMoney(toNumber(params[0], opts), lang, cur);
    },
    number(...args) {
      const { params, opts } = split(args);
      return formatNumber(toNumber(params[0], opts), lang);
    },
    percent(...args) {
      const { params, opts } = split(args);
      return formatPercent(toNumber(params[0], opts), lang);
    },
    date(...args) {
      const { params, opts } = split(args);
      const d = params[0];
      if (!hasValue(d)) return blankMarkdown(env.labels["date"] ?? (lang === "bg" ? "дата" : "date"));
      const out = formatDate(d, lang);
      if (out === null) fail(opts, `not a date (YYYY-MM-DD): ${JSON.stringify(d)}`);
      return out;
    },
    has(...args) {
      return hasValue(split(args).params[0]);
    },
    eq(...args) {
      const { params } = split(args);
      return params[0] === params[1];
    },
    not(...args) {
      return !split(args).params[0];
    },
    and(...args) {
      return split(args).params.every(Boolean);
    },
    or(...args) {
      return split(args).params.some(Boolean);
    },
    join(...args) {
      const { params, opts } = split(args);
      const list = params[0];
      if (!Array.isArray(list)) fail(opts, "expected a list");
      const sep = typeof params[1] === "string" ? params[1] : ", ";
      return new RawMarkdown(list.map((x) => escapeMarkdown(translate(x, lang) ?? "")).join(escapeMarkdown(sep)));
    },
    label(...args) {
      const { params, opts } = split(args);
      const key = String(params[0]);
      if (!Object.prototype.hasOwnProperty.call(env.labels, key)) fail(opts, `unknown label "${key}" (templates/_labels/${lang}.yaml)`);
      return env.labels[key];
    },
    blank(...args) {
      const { params } = split(args);
      return blankMarkdown(typeof params[0] === "string" ? params[0] : "");
    },
    paragraphs(...args) {
      // Long text from the data (a summary, a work package's activities) may hold several
      // paragraphs; each is escaped on its own and they stay separate paragraphs in both formats.
      const { params, opts } = split(args);
      const text = translate(params[0], lang);
      if (text === undefined) fail(opts, `no text in ${JSON.stringify(params[0]) ?? "undefined (misspelled field?)"}`);
      return new RawMarkdown(text.split(/\r?\n[ \t]*\r?\n/).map((p) => escapeMarkdown(p.trim())).filter(Boolean).join("\n\n"));
    },
    slot(...args) {
      // A slot id built from data (a partner's or work package's id) inside a `:::fill{#…}`:
      // kebab-case and unescaped, since directive attributes know no backslash escapes.
      const { params } = split(args);
      return new RawMarkdown(slotId(params.map((p) => String(p ?? "")).join("-")));
    },
    place(...args) {
      // {{place seat.city}}: like {{t}}, but English prints the official transliteration of a
      // place given only in Bulgarian instead of Cyrillic (validate says so, once).
      const { params, opts } = split(args);
      const v = params[0];
      const out = placeIn(v as Multilingual, lang);
      if (out === null) fail(opts, `no text in ${JSON.stringify(v) ?? "undefined (misspelled field?)"}`);
      return out;
    },
    quote(...args) {
      // {{quote hub.name}}: the name in quotation marks, its own quotes nested, never doubled.
      const { params, opts } = split(args);
      const text = translate(params[0], lang);
      if (text === undefined) fail(opts, `no text in ${JSON.stringify(params[0]) ?? "undefined (misspelled field?)"}`);
      return quote(text, lang);
    },
    "act-adopted"(...args) {
      // {{#if (act-adopted "dep-regulation" date)}}: wording that depends on the act's existence.
      const { params, opts } = split(args);
      const acts = env.acts ?? loadLegalActs();
      const id = String(params[0]);
      if (!acts.get(id)) fail(opts, `unknown legal act "${id}" (data/legal-acts.yaml)`);
      const date = isoDateParam(params[1], opts);
      const c = citationOn(acts, id, date);
      return c.kind === "act" && c.id === id;
    },
    act(...args) {
      // {{act "dep-regulation" date}}: the act as it stood on the document's date (before the
      // regulation was adopted, its proposal), so a 2021-01 decision never names a 2021-04 act.
      const { params, opts } = split(args);
      const acts = env.acts ?? loadLegalActs();
      const id = String(params[0]);
      if (!acts.get(id)) fail(opts, `unknown legal act "${id}" (data/legal-acts.yaml)`);
      const date = isoDateParam(params[1], opts);
      const form = opts?.hash?.["form"] === "short" ? "short" : "title";
      const c = citationOn(acts, id, date);
      if (c.kind === "none") {
        return blankMarkdown(lang === "bg" ? `акт, действащ към датата на документа (${c.reason})` : `the act in force on the document's date (${c.reason})`);
      }
      const name = escapeMarkdown(actName(c.act, lang, form));
      // A procedure whose adopting decision is not in the public record: the lawyer names it.
      if (c.act.kind === "national-procedure" && (!c.act.decision_number || !c.act.adopted)) {
        const hint = lang === "bg" ? "номер и дата на решението на Министерския съвет (не са открити в публичните източници)"
          : "number and date of the Council of Ministers decision (not found in the public record)";
        return new RawMarkdown(`${name} (${blankMarkdown(hint).markdown})`);
      }
      return new RawMarkdown(name);
    },
    value(...args) {
      const { params } = split(args);
      const v = params[0];
      if (!hasValue(v)) return blankMarkdown(typeof params[1] === "string" ? params[1] : "");
      return translate(v, lang) ?? String(v);
    },
  };
}

/** Lower-case kebab-case id: letters and digits of any script, single hyphens between them. */
export function slotId(raw: string): string {
  return raw.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}
