import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "../../src/schema/suggest.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0], ["abc", "abc", 0], ["nmae", "name", 1], ["kitten", "sitting", 3], ["", "abc", 3], ["ab", "ba", 1],
  ])("%s → %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("suggest", () => {
  const keys = ["name", "short_name", "legal_form", "roles", "nuts3"];
  it.each([
    ["nmae", "name"], ["legal-form", "legal_form"], ["LEGAL_FORM", "legal_form"], ["role", "roles"], ["nutz3", "nuts3"],
  ])("%s → %s", (input, expected) => expect(suggest(input, keys)).toBe(expected));

  it("stays quiet when nothing is close", () => {
    expect(suggest("favourite_colour", keys)).toBeUndefined();
    expect(suggest("x", keys)).toBeUndefined();
  });
});
