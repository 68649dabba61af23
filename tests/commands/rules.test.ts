import { describe, expect, it } from "vitest";
import { renderRules } from "../../src/commands/rules.js";
import { RULES } from "../../src/rules/index.js";
import { spawnCli } from "../run-cli.js";

describe("edih rules", () => {
  it("lists every rule with id, default severity, description and source, marking unconfirmed ones", async () => {
    const out = await renderRules({ format: "text" });
    for (const r of RULES) {
      expect(out).toMatch(new RegExp(`^${r.meta.id} +${r.meta.defaultSeverity} +${r.meta.description.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
    }
    expect(out).toMatch(/^ +source: none known — edih's own consistency check: no written rule was found.*\[unconfirmed\]$/m);
    expect(out).toMatch(/^ +source: .*Ruse council decision No 27\/16\.12\.2019/m);
    expect(out).not.toMatch(/research note|§/i);
  });

  it("--call shows the severities the call applies, and why", async () => {
    const out = await renderRules({ format: "text", call: "BG-EDIH-PRESELECTION-2021" });
    expect(out).toMatch(/^Rules of call BG-EDIH-PRESELECTION-2021 \(national stage, extends DIGITAL-2021-EDIH-01\)/);
    expect(out).toMatch(/^single-coordinator +off /m);
    expect(out).toMatch(/^duration-matches-call +warning /m);
    expect(out).toMatch(/\(unconfirmed fact duration_months \[P\]; default error\)/);
    expect(out).toMatch(/options: \{"eik":true,"pic":false\}/);
  });

  it("--format json gives the same list for machines", async () => {
    const data = JSON.parse(await renderRules({ format: "json", call: "DIGITAL-2021-EDIH-01" }));
    expect(data.call).toBe("DIGITAL-2021-EDIH-01");
    expect(data.rules).toHaveLength(RULES.length);
    const pir = data.rules.find((r: { id: string }) => r.id === "partner-in-region");
    expect(pir).toMatchObject({ defaultSeverity: "warning", confirmed: false, call: { severity: "warning" } });
    const hub = data.rules.find((r: { id: string }) => r.id === "hub-public-benefit-association");
    expect(hub.call.severity).toBe("off");
  });

  it("an unknown --call is a usage error with a suggestion", async () => {
    await expect(renderRules({ format: "text", call: "DIGITAL-2021-EDIH-1" })).rejects.toMatchObject({ exitCode: 2, hint: 'did you mean "DIGITAL-2021-EDIH-01"?' });
  });

  it("the built CLI prints the list and exits 0; bad --call exits 2", () => {
    const ok = spawnCli(["rules"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^partner-in-region +warning/m);
    const bad = spawnCli(["rules", "--call", "NOPE"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown call "NOPE"/);
    const help = spawnCli(["rules", "--help"]);
    expect(help.stdout).toMatch(/\$ edih rules --call BG-EDIH-PRESELECTION-2021/);
  });
});
