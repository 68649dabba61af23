import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledTemplatesDir, dataDir, examplesDir, installation, toolVersion } from "../../src/domain/install.js";
import { otherLanguage, pickLanguage } from "../../src/domain/languages.js";
import { euRole, isFunded } from "../../src/domain/roles.js";
import { StateError } from "../../src/errors.js";
import { loadCallPack } from "../../src/calls/load.js";

describe("installation", () => {
  it("finds the package.json named edih and reads its version", () => {
    const pkg = JSON.parse(readFileSync(join(installation().root, "package.json"), "utf8")) as { name: string; version: string };
    expect(pkg.name).toBe("edih");
    expect(toolVersion()).toBe(pkg.version);
    expect(dataDir()).toBe(join(installation().root, "data"));
    expect(bundledTemplatesDir()).toBe(join(installation().root, "templates"));
    expect(examplesDir()).toBe(join(installation().root, "examples"));
  });

  it("reports a broken installation as the machine's state (exit 1), not a bug", async () => {
    const { InstallationError } = await import("../../src/domain/install.js");
    const err = new InstallationError("/nowhere");
    expect(err).toBeInstanceOf(StateError);
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(/^edih's installation is incomplete: .*\/nowhere$/);
  });
});

describe("languages", () => {
  it.each([
    [{ bg: "Загоре", en: "Zagore" }, "en", { text: "Zagore", lang: "en" }],
    [{ bg: "Загоре" }, "en", { text: "Загоре", lang: "bg" }],
    [{ bg: "", en: "Zagore" }, "bg", { text: "Zagore", lang: "en" }],
    [{}, "bg", undefined],
    ["plain", "bg", undefined],
    [JSON.parse('{"__proto__": {"bg": "inherited"}}'), "bg", undefined],
  ] as const)("pickLanguage(%j, %s)", (value, lang, expected) => {
    expect(pickLanguage(value, lang)).toEqual(expected);
  });

  it("names the other language", () => {
    expect(otherLanguage("bg")).toBe("en");
    expect(otherLanguage("en")).toBe("bg");
  });
});

describe("roles", () => {
  it.each([
    [["founder"], null, false],
    [["founder", "beneficiary", "coordinator"], "coordinator", true],
    [["affiliated-entity"], "affiliated-entity", true],
    [["associated-partner", "founder"], "associated-partner", false],
  ] as const)("%j → EU role %s, funded %s", (roles, role, funded) => {
    expect(euRole(roles)).toBe(role);
    expect(isFunded(roles)).toBe(funded);
  });
});

describe("call packs are shared, so frozen", () => {
  it("refuses a change to the cached pack", () => {
    const { pack } = loadCallPack("DIGITAL-2021-EDIH-01");
    expect(pack).toBeDefined();
    expect(Object.isFrozen(pack)).toBe(true);
    expect(() => { (pack as { id: string }).id = "changed"; }).toThrow(TypeError);
  });
});

describe("the installation's data is shared, so frozen", () => {
  it("NUTS, legal forms and legal acts refuse a change; an inherited name is not an act", async () => {
    const { loadNuts } = await import("../../src/refdata/nuts.js");
    const { loadLegalForms } = await import("../../src/refdata/legal-forms.js");
    const { loadLegalActs } = await import("../../src/refdata/legal-acts.js");
    const region = loadNuts().get("BG344");
    expect(region).toBeDefined();
    expect(() => { (region as { label: string }).label = "changed"; }).toThrow(TypeError);
    const form = loadLegalForms().all()[0]!;
    expect(() => { (form as { id: string }).id = "changed"; }).toThrow(TypeError);
    expect(loadLegalActs().get("constructor")).toBeUndefined();
    expect(loadLegalActs().get("__proto__")).toBeUndefined();
  });
});
