import { describe, expect, it } from "vitest";
import { didYouMean, suggest } from "../../src/rules/lib/suggest.js";

describe("did-you-mean", () => {
  it("suggests near misses, case-insensitively, and nothing for far ones", () => {
    expect(suggest("trakia-univ", ["trakia-university", "town"])).toBeUndefined(); // 6 edits > 11/3
    expect(suggest("trakia-universty", ["trakia-university", "town"])).toBe("trakia-university");
    expect(suggest("UNI", ["uni", "firm"])).toBe("uni");
    expect(suggest("zzz", ["uni", "firm"])).toBeUndefined();
    expect(didYouMean("chambr", ["chamber"])).toBe('did you mean "chamber"?');
  });
  it("counts a swap of two neighbouring characters as one edit", () => {
    expect(suggest("trakia-uinversity", ["trakia-university", "trakia-univ"])).toBe("trakia-university");
    expect(suggest("BG43", ["BG34", "BG41"])).toBe("BG34");
  });
  it("breaks ties by sort order, so output is deterministic", () => {
    expect(suggest("ab", ["ac", "aa"])).toBe("aa");
  });
});
