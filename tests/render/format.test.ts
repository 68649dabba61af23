import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatNumber, formatPercent, NBSP } from "../../src/render/format.js";

const S = (s: string) => s.replace(/ /g, NBSP);

describe("formatting per language", () => {
  it.each([
    [1234567.891, "bg", "EUR", S("1 234 567,89 EUR")],
    [1234567.891, "en", "EUR", S("EUR 1 234 567.89")],
    [1234, "bg", "BGN", S("1 234,00 BGN")],
    [1234, "en", "BGN", S("BGN 1 234.00")],
    [0, "bg", "EUR", S("0,00 EUR")],
    [999.995, "en", "EUR", S("EUR 1 000.00")],
    [-1500.5, "bg", "EUR", S("-1 500,50 EUR")],
    [-1500.5, "en", "EUR", S("EUR -1 500.50")],
    [-0.001, "en", "EUR", S("EUR 0.00")],
  ] as const)("money %s %s %s", (n, lang, cur, want) => {
    expect(formatMoney(n, lang, cur)).toBe(want);
  });

  it.each([
    [1234.5, "bg", S("1 234,5")], [1234.5, "en", S("1 234.5")], [12, "bg", "12"], [0.1 + 0.2, "en", "0.3"],
    [1000000, "en", S("1 000 000")], [999, "bg", "999"],
  ] as const)("number %s %s", (n, lang, want) => expect(formatNumber(n, lang)).toBe(want));

  it.each([
    [0.5, "bg", S("50 %")], [0.5, "en", "50%"], [0.125, "bg", S("12,5 %")], [0.125, "en", "12.5%"], [1, "en", "100%"],
  ] as const)("percent %s %s", (n, lang, want) => expect(formatPercent(n, lang)).toBe(want));

  it.each([
    ["2021-03-30", "bg", S("30.03.2021 г.")], ["2021-03-30", "en", "30 March 2021"], ["2024-12-01", "en", "1 December 2024"],
    ["2021-02-30", "en", null], ["30.03.2021", "bg", null], [undefined, "bg", null],
  ] as const)("date %s %s", (d, lang, want) => expect(formatDate(d, lang)).toBe(want));
});
