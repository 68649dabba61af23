import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { formatJson, formatText, shouldColor } from "../../src/report/index.js";

const cwd = "/home/user/work";
const diagnostics: Diagnostic[] = [
  { ruleId: "partner-in-region", severity: "warning", message: "Partner \"bia\" is seated in BG411", messageId: "outside", data: { partner: "bia", nuts3: "BG411" }, file: join(cwd, "hub/partners/bia.yaml"), line: 5, column: 7, path: ["partners", 3, "seat", "nuts3"], hint: "add a branch in BG34" },
  { ruleId: "schema", severity: "error", message: "unknown key `nmae` in `hub`", file: join(cwd, "hub/edih.yaml"), line: 12, column: 3, hint: "did you mean `name`?" },
  { ruleId: "schema", severity: "error", message: "second on the same file", file: join(cwd, "hub/edih.yaml"), line: 2, column: 1 },
  { ruleId: "call-pack", severity: "info", message: "no location" },
];

describe("formatText", () => {
  it("prints compiler-style lines, sorted by file and line, hints indented, and a summary", () => {
    expect(formatText(diagnostics, { cwd })).toBe([
      "hub/edih.yaml:2:1  error  second on the same file  schema",
      "hub/edih.yaml:12:3  error  unknown key `nmae` in `hub`  schema",
      "    hint: did you mean `name`?",
      "hub/partners/bia.yaml:5:7  warning  Partner \"bia\" is seated in BG411  partner-in-region",
      "    hint: add a branch in BG34",
      "info  no location  call-pack",
      "",
      "✖ 2 errors, 1 warning, 1 note",
      "",
    ].join("\n"));
  });

  it("says valid when there are only warnings, and prints notes before the summary", () => {
    const out = formatText([diagnostics[0]!], { cwd, notes: ["rule checks skipped until the 2 schema errors are fixed"] });
    expect(out.split("\n").slice(-3)).toEqual(["rule checks skipped until the 2 schema errors are fixed", "✔ valid: 0 errors, 1 warning", ""]);
    expect(formatText([], { cwd })).toBe("✔ valid: 0 errors, 0 warnings\n");
  });

  it("uses the given counts when the list was filtered (--quiet)", () => {
    expect(formatText([], { cwd, counts: { error: 0, warning: 5, info: 0 } })).toBe("✔ valid: 0 errors, 5 warnings\n");
  });

  it("colours only when asked, and never changes the words", () => {
    const plain = formatText(diagnostics, { cwd, color: false });
    const colored = formatText(diagnostics, { cwd, color: true });
    expect(plain).not.toContain("\u001b[");
    expect(colored).toContain("\u001b[31merror\u001b[39m");
    expect(colored.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  });

  it("shows files outside cwd with their absolute path", () => {
    expect(formatText([{ ruleId: "x", severity: "error", message: "m", file: "/tmp/hub/edih.yaml", line: 1, column: 2 }], { cwd })).toMatch(/^\/tmp\/hub\/edih\.yaml:1:2  error  m  x\n/);
  });

  it("keeps relative file names as given", () => {
    expect(formatText([{ ruleId: "x", severity: "error", message: "m", file: "a/b.yaml", line: 1, column: 2 }], { cwd })).toMatch(/^a\/b\.yaml:1:2  error  m  x\n/);
  });
});

describe("formatJson", () => {
  it("is a stable document: valid, counts, notes and every field of every diagnostic", () => {
    const doc = JSON.parse(formatJson(diagnostics, { cwd, notes: ["n"] }));
    expect(doc.valid).toBe(false);
    expect(doc.counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(doc.notes).toEqual(["n"]);
    expect(doc.diagnostics.map((d: { file: string | null; line: number | null }) => `${d.file}:${d.line}`))
      .toEqual(["hub/edih.yaml:2", "hub/edih.yaml:12", "hub/partners/bia.yaml:5", "null:null"]);
    expect(Object.keys(doc.diagnostics[0])).toEqual(["file", "line", "column", "severity", "ruleId", "message", "hint", "path", "source", "messageId", "data"]);
    expect(doc.diagnostics[2]).toMatchObject({ messageId: "outside", data: { partner: "bia", nuts3: "BG411" } });
    expect(doc.diagnostics[0]).toMatchObject({ messageId: null, data: null });
    expect(doc.diagnostics[2].path).toEqual(["partners", 3, "seat", "nuts3"]);
    expect(formatJson(diagnostics, { cwd })).toBe(formatJson([...diagnostics].reverse(), { cwd }));
  });

  it("is valid with warnings only", () => {
    expect(JSON.parse(formatJson([diagnostics[0]!], { cwd })).valid).toBe(true);
  });
});

describe("shouldColor", () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
    [{ isTTY: true }, { NO_COLOR: "1" }, false],
    [{ isTTY: true }, { NO_COLOR: "" }, true],
    [{ isTTY: false }, { FORCE_COLOR: "1" }, true],
    [{ isTTY: true }, { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
  ])("%j with %j → %s", (stream, env, expected) => {
    expect(shouldColor(stream, env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
