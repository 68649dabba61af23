import { describe, expect, it } from "vitest";
import { hasCyrillic, transliterate } from "../../src/domain/transliterate.js";

// Examples follow the Закон за транслитерацията (Art. 4 table, Art. 5 „ия“ at a word's end).
describe("transliterate (streamlined system, Закон за транслитерацията)", () => {
  it.each([
    ["София", "Sofia"], ["Стара Загора", "Stara Zagora"], ["Русе", "Ruse"], ["Пловдив", "Plovdiv"],
    ["Благоевград", "Blagoevgrad"], ["Велико Търново", "Veliko Tarnovo"], ["Кърджали", "Kardzhali"],
    ["Пазарджик", "Pazardzhik"], ["Смолян", "Smolyan"], ["Цар Калоян", "Tsar Kaloyan"], ["Шумен", "Shumen"],
    ["Щръклево", "Shtraklevo"], ["Юндола", "Yundola"], ["Жельо", "Zhelyo"], ["Йовков", "Yovkov"],
    ["Добруджа", "Dobrudzha"], ["Мария", "Maria"], ["Ияков", "Iyakov"], ["бул. „Цар Симеон Велики“ 107", "bul. „Tsar Simeon Veliki“ 107"],
    ["СОФИЯ", "SOFIA"], ["Чипровци", "Chiprovtsi"], ["Хасково", "Haskovo"],
  ])("%s → %s", (bg, latin) => {
    expect(transliterate(bg)).toBe(latin);
  });

  it("leaves Latin text alone and says whether a text has Cyrillic", () => {
    expect(transliterate("Stara Zagora 6000")).toBe("Stara Zagora 6000");
    expect(hasCyrillic("Русе")).toBe(true);
    expect(hasCyrillic("Ruse")).toBe(false);
  });
});

describe("placeIn and districtAfter", async () => {
  const { placeIn, districtAfter } = await import("../../src/model/text.js");
  it("English prints the transliteration of a place given only in Bulgarian, never Cyrillic", () => {
    expect(placeIn({ bg: "Русе" }, "en")).toBe("Ruse");
    expect(placeIn("Русе", "en")).toBe("Ruse");
    expect(placeIn({ bg: "Русе", en: "Rousse" }, "en")).toBe("Rousse");
    expect(placeIn({ bg: "Русе" }, "bg")).toBe("Русе");
  });
  it("drops a district in brackets that repeats the city", () => {
    expect(districtAfter("София", "София (столица)")).toBeNull();
    expect(districtAfter("Sofia", "Sofia (capital city)")).toBeNull();
    expect(districtAfter("Стара Загора", "Стара Загора")).toBeNull();
    expect(districtAfter("Казанлък", "Стара Загора")).toBe("Стара Загора");
    expect(districtAfter("Kazanlak", null)).toBeNull();
  });
});
