import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContainerDirective } from "mdast-util-directive";
import type { Root } from "mdast";
import { beforeAll, describe, expect, it } from "vitest";
import type { CallFacts } from "../../src/model/index.js";
import { bundledTemplatesDir } from "../../src/render/index.js";
import { SLOT_ID, idlessFills, type SlotData } from "../../src/render/slots.js";
import type { Application, Language } from "../../src/schema/index.js";
import { loadExample, readCallPack } from "../model/load-example.js";
import { renderEu } from "./eu-render.js";

const DIR = bundledTemplatesDir();
const documents = readdirSync(DIR).filter((d) => !d.startsWith("_")).sort();
const slotAttrs = (src: string) => [...src.matchAll(/^:::fill(\{[^\n]*\})/gm)].map((m) => m[1]);

export function slotsOf(tree: Root): { id: string; filled: boolean }[] {
  const out: { id: string; filled: boolean }[] = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === "containerDirective" && (n as ContainerDirective).name === "fill") {
      const d = (n as ContainerDirective).data as SlotData;
      out.push({ id: d.slot!, filled: d.filled === true });
    }
    for (const c of n.children ?? []) walk(c as { type: string; children?: unknown[] });
  };
  walk(tree);
  return out;
}

describe("bundled templates: named slots", () => {
  it.each(documents)("%s: every fill box has an id, the same ids in the same order in bg and en", (doc) => {
    const bg = readFileSync(join(DIR, doc, "bg.md.hbs"), "utf8");
    const en = readFileSync(join(DIR, doc, "en.md.hbs"), "utf8");
    expect(idlessFills(bg)).toEqual([]);
    expect(idlessFills(en)).toEqual([]);
    expect(slotAttrs(bg)).toEqual(slotAttrs(en));
  });

  let app: Application;
  let eu: CallFacts;
  beforeAll(async () => {
    app = await loadExample();
    eu = await readCallPack("DIGITAL-2021-EDIH-01");
  });

  it.each<Language>(["en", "bg"])("part-b (%s) for the example: ids are kebab-case and unique, one per partner and work package", (lang) => {
    const r = renderEu(app, eu, "part-b", lang);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const ids = slotsOf(r.document!.tree).map((s) => s.id);
    for (const id of ids) expect(id).toMatch(SLOT_ID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("needs-analysis");
    // The example writes its summary in hub.summary, so the slot is already filled from YAML.
    expect(slotsOf(r.document!.tree).find((s) => s.id === "summary")).toEqual({ id: "summary", filled: true });
  });

  it("the same slot ids in both languages of part-b", () => {
    const ids = (l: Language) => slotsOf(renderEu(app, eu, "part-b", l).document!.tree).map((s) => s.id);
    expect(ids("bg")).toEqual(ids("en"));
  });
});
