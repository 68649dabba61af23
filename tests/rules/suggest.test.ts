import { describe, expect, it } from "vitest";
import { didYouMean, distance, suggest } from "../../src/rules/lib/suggest.js";

describe("did-you-mean", () => {
  it("edit distance", () => {
    expect(distance("kitten", "sitting")).toBe(3);
    expect(distance("", "abc")).toBe(3);
    expect(distance("uni", "uni")).toBe(0);
  });
  it("suggests near misses, case-insensitively, and nothing for far ones", () => {
    expect(suggest("trakia-univ", ["trakia-university", "town"])).toBeUndefined(); // 6 edits > 11/3
    expect(suggest("trakia-universty", ["trakia-university", "town"])).toBe("trakia-university");
    expect(suggest("UNI", ["uni", "firm"])).toBe("uni");
    expect(suggest("zzz", ["uni", "firm"])).toBeUndefined();
    expect(didYouMean("chambr", ["chamber"])).toBe('did you mean "chamber"?');
  });
  it("breaks ties by sort order, so output is deterministic", () => {
    expect(suggest("ab", ["ac", "aa"])).toBe("aa");
  });
});
