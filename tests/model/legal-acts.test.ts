import { describe, expect, it } from "vitest";
import { citationOn, citedBefore, existedOn, specificObjectives } from "../../src/model/legal-acts.js";
import { legalActsFrom, loadLegalActs } from "../../src/refdata/legal-acts.js";

const acts = loadLegalActs();

describe("data/legal-acts.yaml", () => {
  it("dates Regulation (EU) 2021/694 as EUR-Lex does: adopted 29.4.2021, OJ L 166 of 11.5.2021", () => {
    const reg = acts.get("dep-regulation")!;
    expect(reg.adopted).toBe("2021-04-29");
    expect(reg.published).toEqual({ date: "2021-05-11", journal: "OJ L 166, 11.5.2021, p. 1" });
    expect(reg.replaces).toBe("dep-proposal");
    expect(acts.get("dep-proposal")!.number).toBe("COM(2018) 434");
  });

  it("every act cites sources that the file lists, with a URL", () => {
    for (const id of acts.ids()) {
      for (const s of acts.get(id)!.sources) expect(acts.sources[s]?.url, `${id} → ${s}`).toMatch(/^https:\/\//);
    }
  });

  it("rejects an act citing an unknown source or replacing an unknown act", () => {
    const base = { sources: { S: { title: "s" } }, acts: { a: { kind: "eu-regulation", title: { bg: "а", en: "a" }, adopted: null, sources: ["S"], status: "V" } } };
    expect(() => legalActsFrom(base)).not.toThrow();
    expect(() => legalActsFrom({ ...base, acts: { a: { ...base.acts.a, sources: ["X"] } } })).toThrow(/unknown source X/);
    expect(() => legalActsFrom({ ...base, acts: { a: { ...base.acts.a, replaces: "b" } } })).toThrow(/replaces unknown act b/);
  });

  it("lists the programme's five specific objectives (Article 3)", () => {
    expect(specificObjectives(acts, "en")).toHaveLength(5);
    expect(specificObjectives(acts, "en")[0]).toBe("high-performance computing");
    expect(specificObjectives(acts, "bg")).toHaveLength(5);
  });
});

describe("citationOn: the form of an act valid on a document's date", () => {
  it("before 29 April 2021 the regulation is cited as its proposal; from that day as the regulation", () => {
    expect(citationOn(acts, "dep-regulation", "2021-01-28")).toMatchObject({ kind: "act", id: "dep-proposal" });
    expect(citationOn(acts, "dep-regulation", "2021-04-28")).toMatchObject({ kind: "act", id: "dep-proposal" });
    expect(citationOn(acts, "dep-regulation", "2021-04-29")).toMatchObject({ kind: "act", id: "dep-regulation" });
    expect(citationOn(acts, "dep-regulation", null)).toMatchObject({ kind: "act", id: "dep-regulation" });
  });

  it("before the proposal (2018) nothing existed to cite", () => {
    const c = citationOn(acts, "dep-regulation", "2017-12-31");
    expect(c.kind).toBe("none");
    expect(existedOn(acts.get("dep-proposal")!, "2018-01-01")).toBe(true);
  });

  it("citedBefore finds an act named in a text dated before its adoption", () => {
    expect(citedBefore(acts, "съгласно Регламент (ЕС) 2021/694", "2021-01-28")).toEqual([{ act: "dep-regulation", cited_as: "2021/694", adopted: "2021-04-29" }]);
    expect(citedBefore(acts, "съгласно Регламент (ЕС) 2021/694", "2021-05-01")).toEqual([]);
    expect(citedBefore(acts, "proposal COM(2018) 434", "2017-05-01")).toMatchObject([{ act: "dep-proposal" }]);
    expect(citedBefore(acts, "Regulation (EU) 2021/694", null)).toEqual([]);
  });
});
