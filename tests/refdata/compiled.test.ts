// data/*.yaml stays the source; the JSON the build writes under dist/data must be exactly what
// parsing the YAML gives, and must be ignored as soon as the YAML differs from what it came from.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compiledDataPath, parseDataYaml, readDataYaml } from "../../src/refdata/compiled.js";
import { dataDir } from "../../src/domain/install.js";

const files = [join(dataDir(), "legal-forms.yaml"), ...readdirSync(join(dataDir(), "calls")).filter((f) => f.endsWith(".yaml")).map((f) => join(dataDir(), "calls", f))];

describe("precompiled installation data", () => {
  it.each(files)("%s: the JSON equals parsing the YAML", (file) => {
    const compiled = JSON.parse(readFileSync(compiledDataPath(file)!, "utf8")) as { data: unknown };
    expect(compiled.data).toEqual(parseDataYaml(readFileSync(file, "utf8")));
  });

  it("is used only for the YAML text it was made from", () => {
    const file = files[0]!;
    const text = readFileSync(file, "utf8");
    const compiledFile = compiledDataPath(file)!;
    const stored = JSON.parse(readFileSync(compiledFile, "utf8")) as { data: { source: string } };
    expect(readDataYaml(file, text)).toEqual(stored.data);
    // An edited YAML (here: a changed source line) is parsed, not shadowed by the old JSON.
    const edited = text.replace(/^source: .*$/m, "source: edited by hand");
    expect((readDataYaml(file, edited) as { source: string }).source).toBe("edited by hand");
  });

  it("call packs outside the installation's data/ (--calls-dir) have no precompiled form", () => {
    expect(compiledDataPath("/somewhere/else/calls/X.yaml")).toBeUndefined();
    expect(compiledDataPath(join(dataDir(), "..", "elsewhere", "X.yaml"))).toBeUndefined();
  });
});
