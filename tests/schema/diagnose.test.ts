import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/index.js";
import { parseApplication } from "../../src/schema/diagnose.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { readExpectations, sortExpected, toFixturePath } from "../load/expect-comments.js";

const FIXTURES = join(import.meta.dirname, "fixtures");

async function diagnose(name: string): Promise<{ dir: string; diagnostics: Diagnostic[] }> {
  const dir = join(FIXTURES, name);
  const loaded = await loadProject(dir);
  expect(loaded.diagnostics).toEqual([]);
  return { dir, diagnostics: parseApplication(loaded.project!).diagnostics };
}

function byMessage(diagnostics: Diagnostic[], fragment: string): Diagnostic {
  const found = diagnostics.find((d) => d.message.includes(fragment));
  if (!found) throw new Error(`no diagnostic mentions ${fragment}: ${diagnostics.map((d) => d.message).join(" | ")}`);
  return found;
}

describe("parseApplication: every zod issue lands on the marked line", () => {
  it.each(readdirSync(FIXTURES).sort())("%s", async (name) => {
    const { dir, diagnostics } = await diagnose(name);
    const actual = sortExpected(diagnostics.map((d) => ({ file: toFixturePath(d.file!, dir), line: d.line!, ruleId: d.ruleId })));
    expect(actual).toEqual(readExpectations(dir));
    for (const d of diagnostics) {
      expect(d.severity).toBe("error");
      expect(d.message).not.toMatch(/Invalid input|Unrecognized key|Too small/); // zod's English stays inside
    }
  });
});

describe("parseApplication: messages", () => {
  it("suggests the nearest allowed key for an unknown key, and points at the key", async () => {
    const { diagnostics } = await diagnose("unknown-keys");
    expect(byMessage(diagnostics, "`nmae`")).toMatchObject({ message: "unknown key `nmae` in `hub`", hint: "did you mean `name`?", line: 5, column: 3 });
    expect(byMessage(diagnostics, "`nutz3`").hint).toBe("did you mean `nuts3`?");
    expect(byMessage(diagnostics, "`partner`").hint).toBe("did you mean `partners`?");
    expect(byMessage(diagnostics, "`phnoe`")).toMatchObject({ hint: "did you mean `phone`?", path: ["partners", 0, "contact"] });
    // Nothing close: the allowed keys at that place are listed instead.
    expect(byMessage(diagnostics, "`favourite_colour`").hint).toBe("keys allowed here: name, position, email, phone");
  });

  it("lists allowed enum values with a near-miss suggestion, aliases included", async () => {
    const { diagnostics } = await diagnose("bad-values");
    expect(byMessage(diagnostics, "\"planed\"").hint).toBe("did you mean `planned`? Allowed: planned, founded, registered");
    expect(byMessage(diagnostics, "\"enterprize\"").hint).toMatch(/^did you mean `enterprise`\?/);
    expect(byMessage(diagnostics, "\"cordinator\"").message).toContain("`partners[alpha].roles[1]`");
    expect(byMessage(diagnostics, "\"test-before-investing\"").hint).toMatch(/^did you mean `test-before-invest`\?/);
    const legalForm = byMessage(diagnostics, "\"asociation\"");
    expect(legalForm.hint).toMatch(/^did you mean `association`\?/);
    expect(legalForm.hint).toContain("ЕООД");
    expect(byMessage(diagnostics, "\"2021-3-30\"").message).toContain("YYYY-MM-DD");
  });

  it("reports a missing required key at its parent's key", async () => {
    const { diagnostics } = await diagnose("missing-keys");
    expect(byMessage(diagnostics, "`region`")).toMatchObject({ message: "missing required key `region` in `hub`", line: 3, column: 1 });
    expect(byMessage(diagnostics, "`status`").hint).toBe("one of: planned, founded, registered");
    expect(byMessage(diagnostics, "`name`").file).toMatch(/partners[\\/]alpha\.yaml$/);
  });

  it("explains wrong types in plain words", async () => {
    const { diagnostics } = await diagnose("wrong-types");
    expect(byMessage(diagnostics, "hub.name").message).toBe("`hub.name` should be text or a { bg: ..., en: ... } map, not the number 5");
    expect(byMessage(diagnostics, "public_benefit").message).toContain("should be true or false, not the text \"yes\"");
    expect(byMessage(diagnostics, "technologies").message).toContain("should be a list");
    expect(byMessage(diagnostics, "personnel").hint).toMatch(/without quotes, spaces or thousands separators/);
  });

  it("returns the typed application, defaults applied, when the data is valid", async () => {
    const loaded = await loadProject(join(import.meta.dirname, "../load/fixtures/valid"));
    const result = parseApplication(loaded.project!);
    expect(result.diagnostics).toEqual([]);
    expect(result.application!.languages).toEqual(["bg", "en"]);
    expect(result.application!.partners.map((p) => p.id)).toEqual(["inline-partner", "alpha", "beta"]);
  });

  it("locates the founding facts and council decisions, with the allowed values", async () => {
    const { diagnostics } = await diagnose("founding-facts");
    expect(byMessage(diagnostics, "`statue`")).toMatchObject({ hint: "did you mean `statute`?", line: 16, column: 9 });
    expect(byMessage(diagnostics, "votes.board.against")).toMatchObject({ line: 17 });
    expect(byMessage(diagnostics, "\"power-of-atorney\"")).toMatchObject({ hint: "did you mean `power-of-attorney`? Allowed: law, statute, power-of-attorney", line: 31 });
    expect(byMessage(diagnostics, "\"consent-in-princple\"")).toMatchObject({ hint: /^did you mean `consent-in-principle`\?/, line: 7 });
    expect(byMessage(diagnostics, "missing required key `kind`")).toMatchObject({ hint: "one of: consent-in-principle, approval, other", line: 9 });
    expect(byMessage(diagnostics, "economic_activity").line).toBe(20);
    expect(diagnostics.filter((d) => d.file!.endsWith("town.yaml")).map((d) => d.line)).toEqual([7, 9, 12]);
  });
});

