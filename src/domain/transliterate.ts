/**
 * Bulgarian → Latin by the streamlined system of the Закон за транслитерацията (ДВ бр. 19 от
 * 13.03.2009): the letter table of Art. 4, and Art. 5's rule that „ия“ at the end of a word is
 * written "ia" (София → Sofia). The letter combinations дж, дз, ьо, йо the law also lists come out
 * of the letter table unchanged (dzh, dz, yo, yo). English documents use it for places the data
 * gives only in Bulgarian.
 */
const TABLE: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h", ц: "ts", ч: "ch",
  ш: "sh", щ: "sht", ъ: "a", ь: "y", ю: "yu", я: "ya",
};

const isUpper = (ch: string) => ch !== ch.toLowerCase();

/** True when the text holds Cyrillic letters. */
export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/u.test(text);
}

export function transliterate(text: string): string {
  // Word by word, so an all-capitals word stays all capitals (СОФИЯ → SOFIA) and a capital
  // letter opens its Latin group (Жельо → Zhelyo).
  return text.replace(/[\u0400-\u04ff]+/gu, (word) => {
    const lower = word.toLowerCase();
    const allCaps = word.length > 1 && word === word.toUpperCase();
    let out = "";
    for (let i = 0; i < lower.length; i++) {
      const ch = lower[i]!;
      let latin = TABLE[ch] ?? ch;
      if (ch === "и" && lower[i + 1] === "я" && i + 2 === lower.length) {
        latin = "ia";
        i++;
      }
      if (allCaps) latin = latin.toUpperCase();
      else if (isUpper(word[i - (latin === "ia" ? 1 : 0)]!)) latin = latin.charAt(0).toUpperCase() + latin.slice(1);
      out += latin;
    }
    return out;
  });
}
