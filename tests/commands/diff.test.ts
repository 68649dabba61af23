import { describe, expect, it } from "vitest";
import { execFileSync } from "../spawn.js";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { edih } from "./cli.js";
import { tempDir } from "../temp.js";

const FIX = join(import.meta.dirname, "../workflow/fixtures");
const OLD = join(FIX, "diff-old"), NEW = join(FIX, "diff-new");

describe("edih apply diff", () => {
  it("reports an added partner, a changed budget line with the new EU share and a moved deliverable", async () => {
    const r = await edih(["apply", "diff", OLD, NEW]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+ added cluster — Cluster");
    expect(r.stdout).toMatch(/ {2}uni — University\n {4}personnel: 200 000\.00 → 250 000\.00 EUR \(\+50 000\.00\)/);
    // 7 % indirect on (direct − subcontracting), 50 % EU (DIGITAL-2021-EDIH-01 pack)
    expect(r.stdout).toContain("EU contribution: 189 925.00 → 216 675.00 EUR (+26 750.00)");
    expect(r.stdout).toContain("New EU contribution: 216 675.00 EUR = 50.00 % of the eligible costs");
    expect(r.stdout).toMatch(/~ changed D1\.1 — Plan\n\s+month: 6 → 9\n\s+wp: "WP1" → "WP2"/);
    expect(r.stdout).not.toContain("town-hall\n");
  });

  it("prints the same as JSON", async () => {
    const r = await edih(["apply", "diff", OLD, NEW, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.partners.added).toEqual([{ id: "cluster", name: "Cluster" }]);
    expect(j.budget.partners).toEqual([{ partner: "uni", name: "University", changes: expect.arrayContaining([
      { figure: "personnel", old: 200000, new: 250000, delta: 50000 }]) }]);
    expect(j.budget.eu).toEqual({ old: 189925, new: 216675, shareOfEligible: 0.5 });
    expect(j.deliverables.changed[0].changes).toEqual([{ path: "month", old: 6, new: 9 }, { path: "wp", old: "WP1", new: "WP2" }]);
    expect(j.workPackages).toEqual({ added: [], removed: [], changed: [] });
    expect(j.identical).toBe(false);
  });

  it("says so when nothing changed", async () => {
    const r = await edih(["apply", "diff", OLD, OLD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no differences/);
  });

  it("exits 1 with the problems when a side is invalid, 2 on usage errors", async () => {
    const bad = tempDir("diff-bad");
    cpSync(OLD, bad, { recursive: true });
    writeFileSync(join(bad, "edih.yaml"), readFileSync(join(bad, "edih.yaml"), "utf8").replace("status: planned", "status: dreaming"));
    const r = await edih(["apply", "diff", OLD, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a valid application/);
    expect(r.stderr).toMatch(/edih\.yaml:\d+:\d+/);
    expect((await edih(["apply", "diff", OLD, join(bad, "nope")])).code).toBe(2);
    expect((await edih(["apply", "diff", OLD, NEW, "--format", "xml"])).code).toBe(2);
  });

  it("--git compares the folder with a revision", async () => {
    const repo = tempDir("diff-git");
    const app = join(repo, "apps/hub");
    cpSync(OLD, app, { recursive: true });
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "sent to partners");
    cpSync(NEW, app, { recursive: true, force: true });
    const r = await edih(["apply", "diff", "--git", "HEAD", "apps/hub"], repo);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Changes from HEAD (git) to apps/hub");
    expect(r.stdout).toContain("+ added cluster");
    expect(r.stdout).toContain("personnel: 200 000.00 → 250 000.00");
    expect(await edih(["apply", "diff", "--git", "no-such-rev", "apps/hub"], repo)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown git revision") });
  });
});
