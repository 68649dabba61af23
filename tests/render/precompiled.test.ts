// Bundled templates come precompiled by the build (src/render/precompiled.ts): found by the text
// they were made from, never for any other text, and rendering exactly what compiling them at run
// time renders — Markdown escaping of the values included (the escaper is taken on the first run).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/model/index.js";
import { documentRenderer, loadTemplateSet, type RenderedDocument } from "../../src/render/index.js";
import { templateParts } from "../../src/render/front-matter.js";
import { precompiled } from "../../src/render/precompiled.js";
import { nationalCall, ROOT, zagoreCopy } from "../templates/national-fixture.js";

const TEMPLATES = join(ROOT, "templates");
const DOCUMENTS = readdirSync(TEMPLATES).filter((d) => !d.startsWith("_")).sort();

/** Runs `fn` with the precompiled templates on or off (EDIH_BUNDLE=0), restoring the environment. */
function withPrecompiled<T>(on: boolean, fn: () => T): T {
  const saved = process.env.EDIH_BUNDLE;
  if (on) delete process.env.EDIH_BUNDLE;
  else process.env.EDIH_BUNDLE = "0";
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.EDIH_BUNDLE;
    else process.env.EDIH_BUNDLE = saved;
  }
}

describe("precompiled bundled templates", () => {
  it("exist for every partial and both bodies of every document template, and for no edited text", () => {
    const hb = Handlebars.create();
    const { set } = loadTemplateSet([TEMPLATES], "part-b", "en");
    expect(Object.keys(set!.partials).length).toBeGreaterThan(5);
    for (const p of Object.values(set!.partials)) expect(precompiled(hb, p.source), p.path).toBeTypeOf("function");
    for (const doc of DOCUMENTS) {
      for (const lang of ["bg", "en"] as const) {
        const { set: s } = loadTemplateSet([TEMPLATES], doc, lang);
        const parts = templateParts(s!.template.source);
        expect(precompiled(hb, parts.documentBody), `${doc}/${lang}`).toBeTypeOf("function");
        expect(precompiled(hb, parts.markdownBody), `${doc}/${lang}`).toBeTypeOf("function");
        expect(precompiled(hb, `${parts.documentBody}\n`)).toBeUndefined();
      }
    }
    expect(withPrecompiled(false, () => precompiled(hb, Object.values(set!.partials)[0]!.source))).toBeUndefined();
  });

  it("render every bundled document, escaped for Markdown, as compiling at run time does", async () => {
    const app = await zagoreCopy();
    // Markdown and HTML specials in a value: both ways must escape them for Markdown, not for HTML.
    const partner = app.partners[0]!;
    (partner as { short_name?: string }).short_name = `A*B_C <x> & "q" 'a' [l](u) #1`;
    const renderAll = () => DOCUMENTS.flatMap((doc) => (["bg", "en"] as const).map((lang) => {
      const { set } = loadTemplateSet([TEMPLATES], doc, lang);
      const render = documentRenderer({ template: set!.template.source, templatePath: set!.template.path, partials: set!.partials,
        labels: set!.labels, lang, currency: app.budget.currency as "EUR" | "BGN" });
      const r = render(buildContext(app, { callPack: nationalCall(), lang, partnerId: partner.id }));
      expect(r.diagnostics.filter((d) => d.severity === "error"), `${doc}/${lang}`).toEqual([]);
      const d = r.document as RenderedDocument;
      return { doc, lang, meta: d.meta, markdown: d.markdown };
    }));
    const ahead = withPrecompiled(true, renderAll);
    const runtime = withPrecompiled(false, renderAll);
    expect(ahead.length).toBe(DOCUMENTS.length * 2);
    expect(ahead).toEqual(runtime);
    const partB = ahead.find((r) => r.doc === "part-b" && r.lang === "en")!.markdown!;
    expect(partB).toContain("A\\*B\\_C");
    expect(partB).not.toContain("&amp;");
  });
});
