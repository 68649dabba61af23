import { describe, expect, it } from "vitest";
import { loadCallPack } from "../../src/calls/index.js";
import { checkApplication } from "../../src/calls/check.js";
import { buildApplication } from "./tester.js";

describe("the tester's base application", () => {
  for (const call of ["DIGITAL-2021-EDIH-01", "BG-EDIH-PRESELECTION-2021"]) {
    for (const stage of ["draft", "submission"] as const) {
      it(`passes every rule of ${call} at stage ${stage}`, () => {
        const { pack } = loadCallPack(call);
        expect(pack).toBeDefined();
        // Notes (severity info, e.g. which places English documents transliterate) ask nothing of the user.
        const found = checkApplication(buildApplication(), { callPack: pack!, stage }).filter((d) => d.severity !== "info");
        expect(found.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
      });
    }
  }
});
