import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listCallPacks, loadCallPack } from "../../src/calls/index.js";
import { dataDir } from "../../src/refdata/index.js";
import { effectiveRules } from "../../src/calls/check.js";
import { tempDir } from "../temp.js";

describe("shipped call packs", () => {
  it("lists the EU and the national pack", () => {
    expect(listCallPacks()).toEqual(["BG-EDIH-PRESELECTION-2021", "DIGITAL-2021-EDIH-01"]);
  });

  for (const id of ["DIGITAL-2021-EDIH-01", "BG-EDIH-PRESELECTION-2021"]) {
    it(`${id} loads without diagnostics; every fact has sources that exist and a status`, () => {
      const { pack, diagnostics } = loadCallPack(id);
      expect(diagnostics).toEqual([]);
      expect(pack!.id).toBe(id);
      for (const [fid, fact] of Object.entries(pack!.facts)) {
        expect(fact.sources.length, fid).toBeGreaterThan(0);
        for (const s of fact.sources) expect(pack!.sources[s], `${fid} cites ${s}`).toBeDefined();
        expect(["V", "P", "I"]).toContain(fact.status);
      }
    });
  }

  it("the EU pack carries the call's numbers with their status", () => {
    const { pack } = loadCallPack("DIGITAL-2021-EDIH-01");
    expect(pack!.stage).toBe("eu");
    expect(pack!.rates).toEqual({ eu_funding: 0.5, indirect: 0.07 });
    expect(pack!.duration_months).toBe(36);
    expect(pack!.limits).toEqual({ part_b_pages: 70, title_chars: 200, abstract_chars: 2000, keywords_chars: 200 });
    expect(pack!.facts.indirect_rate!.status).toBe("I");
    expect(pack!.facts.part_a_title_max_chars!.status).toBe("V");
    expect(pack!.documents.map((d) => d.id)).toEqual(["part-b", "part-a", "budget-table"]);
    expect(pack!.documents.find((d) => d.id === "part-b")!.languages).toEqual(["en"]);
  });

  it("the national pack extends the EU pack: facts inherited, rules switched off or added, documents replaced", () => {
    const { pack } = loadCallPack("BG-EDIH-PRESELECTION-2021");
    expect(pack!.stage).toBe("national");
    expect(pack!.extends).toEqual(["DIGITAL-2021-EDIH-01"]);
    expect(pack!.rates.eu_funding).toBe(0.5);
    expect(pack!.sources.S15).toBeDefined(); // inherited
    expect(pack!.sources.B21).toBeDefined(); // own
    expect(pack!.rules["single-coordinator"]).toEqual({ severity: "off" });
    expect(pack!.rules["hub-public-benefit-association"]).toEqual({ severity: "error" });
    // options merge shallowly: the child sets pic: false, the parent's eik: true stays
    expect(pack!.rules["identifiers-present"]!.options).toEqual({ eik: true, pic: false });
    expect(pack!.documents.map((d) => `${d.id}:${d.per ?? "-"}`)).toEqual([
      "council-decision:municipality", "cooperation-agreement:-", "statute:-", "founding-protocol:-",
      "declaration:partner", "commitment-letter:partner", "part-b:-", "budget-table:-",
    ]);
    expect(pack!.documents.every((d) => d.languages === "all")).toBe(true);
  });

  it("rules reading unconfirmed facts run as warnings; others keep their severity", () => {
    const { pack } = loadCallPack("DIGITAL-2021-EDIH-01");
    const eff = new Map(effectiveRules(pack!).map((e) => [e.rule.meta.id, e]));
    expect(eff.get("duration-matches-call")!.severity).toBe("warning");
    expect(eff.get("duration-matches-call")!.reason).toMatch(/unconfirmed fact duration_months \[P\]/);
    expect(eff.get("parta-limits")!.severity).toBe("error");
    expect(eff.get("hub-public-benefit-association")!.severity).toBe("off");
  });
});

describe("loadCallPack diagnostics", () => {
  it("an unknown id lists the known ids and suggests the nearest", () => {
    const { pack, diagnostics } = loadCallPack("DIGITAL-2021-EDIH-1");
    expect(pack).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.ruleId).toBe("call-pack");
    expect(diagnostics[0]!.message).toBe('Unknown call "DIGITAL-2021-EDIH-1"; known calls: BG-EDIH-PRESELECTION-2021, DIGITAL-2021-EDIH-01');
    expect(diagnostics[0]!.hint).toBe('did you mean "DIGITAL-2021-EDIH-01"?');
  });

  function tmpPacks(files: Record<string, string>): string {
    const dir = tempDir("calls");
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.yaml`), text);
    return dir;
  }
  const eu = readFileSync(join(dataDir(), "calls", "DIGITAL-2021-EDIH-01.yaml"), "utf8");

  it("reports an unknown rule with a suggestion, bad options, a fact without a known source", () => {
    const dir = tmpPacks({
      "DIGITAL-2021-EDIH-01": eu,
      CHILD: [
        "id: CHILD", "extends: DIGITAL-2021-EDIH-01", "title: { bg: б, en: e }",
        "facts:", "  duration_months: { value: 24, sources: [NOPE], status: V }",
        "rules:", "  partner-in-regoin: warning", "  founders-minimum: { options: { min_legal_persons: -1 } }",
      ].join("\n"),
    });
    const { pack, diagnostics } = loadCallPack("CHILD", { dir });
    expect(pack).toBeUndefined();
    const msgs = diagnostics.map((d) => d.message);
    expect(msgs).toContain('Call pack CHILD: fact "duration_months" cites unknown source "NOPE"');
    expect(msgs).toContain('Call pack CHILD enables unknown rule "partner-in-regoin"');
    expect(diagnostics.find((d) => d.message.includes("partner-in-regoin"))!.hint).toBe('did you mean "partner-in-region"?');
    expect(msgs.some((m) => m.startsWith("Call pack CHILD: options of rule founders-minimum"))).toBe(true);
  });

  it("a child overrides a fact and a rule's severity", () => {
    const dir = tmpPacks({
      "DIGITAL-2021-EDIH-01": eu,
      CHILD: ["id: CHILD", "extends: DIGITAL-2021-EDIH-01", "title: { bg: б, en: e }",
        "facts:", "  duration_months: { value: 24, sources: [S10], status: V }", "rules:", "  partner-in-region: error"].join("\n"),
    });
    const { pack, diagnostics } = loadCallPack("CHILD", { dir });
    expect(diagnostics).toEqual([]);
    expect(pack!.duration_months).toBe(24);
    expect(pack!.rules["partner-in-region"]).toEqual({ severity: "error" });
    expect(pack!.documents).toHaveLength(3); // inherited when the child lists none
  });

  it("detects an extends cycle and a missing parent", () => {
    const dir = tmpPacks({
      A: "id: A\nextends: B\ntitle: { bg: a, en: a }\n",
      B: "id: B\nextends: A\ntitle: { bg: b, en: b }\n",
      C: "id: C\nextends: Z\ntitle: { bg: c, en: c }\n",
    });
    expect(loadCallPack("A", { dir }).diagnostics[0]!.message).toMatch(/cycle/);
    expect(loadCallPack("C", { dir }).diagnostics[0]!.message).toBe('Call pack C extends unknown call "Z"');
  });

  it("reads a folder and a pack once per process", () => {
    const dir = tmpPacks({ "DIGITAL-2021-EDIH-01": eu });
    const first = loadCallPack("DIGITAL-2021-EDIH-01", { dir });
    expect(first.pack).toBeDefined();
    writeFileSync(join(dir, "DIGITAL-2021-EDIH-01.yaml"), "not: a pack\n");
    writeFileSync(join(dir, "LATER.yaml"), "id: LATER\n");
    expect(loadCallPack("DIGITAL-2021-EDIH-01", { dir })).toBe(first);
    // The user's folder comes on top of the installation's packs (which it may extend).
    expect(listCallPacks({ dir })).toEqual(["BG-EDIH-PRESELECTION-2021", "DIGITAL-2021-EDIH-01"]);
  });

  it("a malformed pack and a file whose id differs are diagnostics, not exceptions", () => {
    const dir = tmpPacks({ BAD: "id: BAD\ntitle: [1, 2\n", OTHER: "id: X\ntitle: { bg: x, en: x }\n", EXTRA: "id: EXTRA\ntitle: { bg: x, en: x }\nwat: 1\n" });
    expect(loadCallPack("BAD", { dir }).diagnostics[0]!.message).toMatch(/^Call pack BAD cannot be read/);
    expect(loadCallPack("OTHER", { dir }).diagnostics[0]!.message).toBe('Call pack file OTHER.yaml declares id "X"');
    expect(loadCallPack("EXTRA", { dir }).diagnostics.length).toBeGreaterThan(0);
  });
});
