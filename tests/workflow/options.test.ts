// The one check of option values: commander's flags and the questions' flags give the same
// UsageError (exit 2) with the flag, what it takes and what was typed.
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { itemsOf, listOf, oneOf, wholeNumberProblem } from "../../src/workflow/options.js";
import { runCli } from "../run-cli.js";
import { tempDir } from "../temp.js";

describe("option values", () => {
  it("oneOf returns an allowed value and refuses another with the flag, the set and the value", () => {
    expect(oneOf("--format", "json", ["text", "json"])).toBe("json");
    expect(() => oneOf("--format", "xml", ["text", "json"])).toThrow(new UsageError('--format must be one of text, json (got "xml")'));
  });

  it("listOf splits at commas, trims, and refuses an empty list or an unknown item", () => {
    expect(listOf("--lang", " bg, en ", ["bg", "en"])).toEqual(["bg", "en"]);
    expect(() => listOf("--lang", ",,", ["bg", "en"])).toThrow("--lang needs at least one of bg, en");
    expect(() => listOf("--lang", "bg,de", ["bg", "en"])).toThrow('--lang must be one of bg, en (got "de")');
    expect(() => itemsOf("--only", " , ", "hint")).toThrow("--only needs a value");
    expect(itemsOf("--only", "statute,part-b", "hint")).toEqual(["statute", "part-b"]);
  });

  it("wholeNumberProblem accepts whole numbers from the minimum only", () => {
    expect(wholeNumberProblem("36")).toBeUndefined();
    for (const bad of ["0", "-3", "3.5", "36 months", ""]) expect(wholeNumberProblem(bad), bad).toMatch(/^a whole number from 1 \(got /);
  });

  it.each([
    [["partners", "list", "examples/zagore", "--lang", "de"], 'edih: --lang must be one of bg, en (got "de")'],
    [["partners", "show", "trakia-university", "examples/zagore", "--format", "toml"], 'edih: --format must be one of yaml, json (got "toml")'],
    [["apply", "diff", "examples/zagore", "examples/zagore", "--format", "html"], 'edih: --format must be one of text, json (got "html")'],
    [["rules", "--format", "csv"], 'edih: --format must be one of text, json (got "csv")'],
  ])("%j: exit 2, one line, nothing on stdout", async (args, line) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${line}\n`);
  });

  it("a question's flag is checked the same way (init --legal-form, --duration)", async () => {
    const dir = tempDir("options");
    const form = await runCli(["init", `${dir}/a`, "--yes", "--legal-form", "gmbh"]);
    expect(form.code).toBe(2);
    expect(form.stderr.split("\n")[0]).toMatch(/^edih: --legal-form must be one of .*association.* \(got "gmbh"\)$/);
    const months = await runCli(["init", `${dir}/b`, "--yes", "--duration", "3.5"]);
    expect(months.code).toBe(2);
    expect(months.stderr.split("\n")[0]).toBe('edih: --duration: a whole number from 1 (got "3.5")');
  });
});
