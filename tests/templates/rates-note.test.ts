import { beforeAll, describe, expect, it } from "vitest";
import type { CallFacts } from "../../src/model/index.js";
import type { Application, Language } from "../../src/schema/index.js";
import { loadExample, readCallPack } from "../model/load-example.js";
import { renderEu, textOf } from "./eu-render.js";
import { buildContext } from "../../src/model/index.js";
import { bundledTemplatesDir, loadTemplateSet, renderDocument } from "../../src/render/index.js";

let app: Application;
let pack: CallFacts;

beforeAll(async () => {
  app = await loadExample();
  pack = await readCallPack("DIGITAL-2021-EDIH-01");
});

/** The same pack with every rate fact marked verified. */
const verified = (p: CallFacts): CallFacts => ({
  ...p,
  facts: Object.fromEntries(Object.entries(p.facts ?? {}).map(([k, f]) => [k, { ...f, status: "V" }])),
});

// Documents print the call's rates as numbers; while the pack marks them [P]/[I], every document
// that prints them must say they still need checking against the call (no fact presented as sure).
describe("documents say when the rates they print are unconfirmed", () => {
  for (const doc of ["budget-table", "part-a", "part-b"]) {
    for (const [lang, heading, words] of [["en", "Rates to check", /50%, partly confirmed.*7%, not confirmed/s],
      ["bg", "Ставки за проверка", /50 %, частично потвърдена.*7 %, непотвърдена/s]] as const) {
      it(`${doc} (${lang})`, () => {
        const r = renderEu(app, pack, doc, lang as Language);
        expect(r.diagnostics).toEqual([]);
        expect(r.markdown).toContain(heading);
        expect(r.markdown.replace(/\\/g, "").replace(/\u00a0/g, " ")).toMatch(words);
        // A tool note, not part of a document meant for submission: listed for the build report only.
        expect(textOf(r.document!.tree)).not.toContain(heading);
        expect(r.document!.notes.join("\n")).toContain(heading);
        expect(renderEu(app, verified(pack), doc, lang as Language).markdown).not.toContain(heading);
      });
    }
  }
});

describe("a --draft document shows the tool's notes in place", () => {
  for (const lang of ["en", "bg"] as const) {
    it(`part-b (${lang})`, () => {
      const heading = lang === "en" ? "Rates to check" : "Ставки за проверка";
      const { set } = loadTemplateSet([bundledTemplatesDir()], "part-b", lang);
      const context = buildContext(app, { callPack: pack, lang, draft: { errors: 2 } });
      const r = renderDocument({ template: set!.template.source, templatePath: set!.template.path, partials: set!.partials,
        labels: set!.labels, context, lang, currency: "EUR" });
      const quote = r.document!.tree.children.find((n) => n.type === "blockquote" && textOf(n).includes(heading));
      expect(quote).toBeDefined();
      expect(r.document!.notes.some((n) => n.includes(heading))).toBe(true);
    });
  }
});
