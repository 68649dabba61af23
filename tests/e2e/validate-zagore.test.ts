// The bundled example validates with 0 errors and says honestly what is missing.
import { describe, expect, it } from "vitest";
import { runCli } from "../load/run-cli.js";

describe("edih apply validate examples/zagore", () => {
  it("exits 0, warns about missing identifiers and partners seated outside BG34", async () => {
    const r = await runCli(["apply", "validate", "examples/zagore"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^examples\/zagore\/partners\/trakia-university\.yaml:\d+:\d+  warning  .*ЕИК.*  identifiers-present$/m);
    expect(r.stdout).toMatch(/^examples\/zagore\/partners\/\S+\.yaml:\d+:\d+  warning  .*outside the hub region BG34.*  partner-in-region$/m);
    expect(r.stdout).not.toContain("  error  ");
    expect(r.stdout).toMatch(/\n✔ valid: 0 errors, \d+ warnings\n$/);
  });
});
