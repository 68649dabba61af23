import { describe, expect, it } from "vitest";
import { didYouMean, suggest } from "../../src/schema/suggest.js";

describe("did-you-mean", () => {
  it("suggests near misses, case-insensitively, and nothing for far ones", () => {
    expect(suggest("trakia-univ", ["trakia-university", "town"])).toBeUndefined(); // 6 edits > 3
    expect(suggest("trakia-universty", ["trakia-university", "town"])).toBe("trakia-university");
    expect(suggest("UNI", ["uni", "firm"])).toBe("uni");
    expect(suggest("zzz", ["uni", "firm"])).toBeUndefined();
    expect(didYouMean("chambr", ["chamber"])).toBe('did you mean "chamber"?');
  });
  it("counts a swap of two neighbouring characters as one edit", () => {
    expect(suggest("trakia-uinversity", ["trakia-university", "trakia-univ"])).toBe("trakia-university");
    expect(suggest("BG43", ["BG34", "BG41"])).toBe("BG34");
  });
  it("breaks ties by sort order, so output does not depend on the candidates' order", () => {
    expect(suggest("ab", ["ac", "aa"])).toBe("aa");
    expect(suggest("ab", ["aa", "ac"])).toBe("aa");
    expect(suggest("BG43", new Set(["BG41", "BG34"]))).toBe("BG34");
  });
  it("one limit: a third of the length, at least 1 and at most 3 edits", () => {
    expect(suggest("BG35", ["BG41"])).toBeUndefined(); // 2 edits in a 4-character code: another region
    expect(suggest("BG35", ["BG34"])).toBe("BG34");
    expect(suggest("stara-zagora-municipalty", ["stara-zagora-municipality"])).toBe("stara-zagora-municipality");
    expect(suggest("stara-zagora-munic", ["stara-zagora-municipality"])).toBeUndefined(); // 7 edits
    expect(suggest("trakia_university", ["trakia-university"])).toBe("trakia-university"); // _ and - alike
  });
});
