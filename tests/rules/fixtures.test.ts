// End to end through the loader: each rule's finding lands on the line its fixture marks with
// `# expect: <rule-id>`, so JSON paths and the source map agree.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/index.js";
import { parseApplication } from "../../src/schema/diagnose.js";
import { loadCallPack } from "../../src/calls/index.js";
import { checkApplication } from "../../src/calls/check.js";
import { readExpectations, sortExpected, toFixturePath } from "../load/expect-comments.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

describe("rule fixtures with # expect comments", () => {
  it.each(["bad-consortium", "bad-region"])("%s: every finding at its marked line", async (name) => {
    const dir = join(fixtures, name);
    const loaded = await loadProject(dir);
    expect(loaded.diagnostics).toEqual([]);
    const { application, diagnostics } = parseApplication(loaded.project!);
    expect(diagnostics).toEqual([]);
    const { pack } = loadCallPack(application!.call);
    const found = checkApplication(application!, { callPack: pack!, locate: (p) => loaded.project!.sourceMap.locate(p) });
    // The fixtures are small on purpose: that they lack a work plan and KPIs (content-complete) is not what they test.
    const got = sortExpected(found.filter((d) => d.ruleId !== "content-complete").map((d) => ({ file: toFixturePath(d.file!, dir), line: d.line!, ruleId: d.ruleId })));
    expect(got).toEqual(readExpectations(dir));
  });
});
