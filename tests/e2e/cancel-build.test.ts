// Ctrl-C during a build, typed in a real terminal (tmux): "cancelled", exit 130 (not "internal
// error … a bug in edih", exit 3), no half-written file in out/, and the next build goes on from
// what was written. One language: the other would only add documents of the same kind to render.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "../spawn.js";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, buildJson, copyExample } from "./build-helpers.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
// Own server socket, unique per run: the test never touches anybody else's tmux.
const SOCKET = `edih-cancel-${process.pid}-${randomBytes(3).toString("hex")}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });

afterAll(() => {
  if (!hasTmux) return;
  spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  rmSync(join(process.env.TMUX_TMPDIR ?? "/tmp", `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
});

async function waitForScreen(test: (s: string) => boolean, what: string, ms: number): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const s = tmux("capture-pane", "-p", "-t", "build");
    if (test(s)) return s;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!hasTmux)("Ctrl-C during `edih apply build`", () => {
  it("ends with cancelled, exit 130, and leaves every file whole", async () => {
    const dir = copyExample("cancel");
    tmux("new-session", "-d", "-s", "build", "-x", "160", "-y", "20", "-e", "LANG=C.UTF-8", "-e", "NO_COLOR=1",
      `cd ${ROOT} && node bin/edih.js apply build ${dir} --lang en; echo EDIH-EXIT=$?; sleep 120`);
    // The progress line ([done/total]) shows while documents render; interrupt there.
    await waitForScreen((s) => /\[\d+\/\d+\]/.test(s), "the build's progress line", 600_000);
    tmux("send-keys", "-t", "build", "C-c");
    const end = await waitForScreen((s) => /EDIH-EXIT=\d+/.test(s), "the end of the build", 600_000);
    expect(end).toContain("edih: cancelled");
    expect(end).not.toMatch(/internal error|bug in edih|✔ \d+ written/);
    expect(end).toContain("EDIH-EXIT=130");
    const files = existsSync(join(dir, "out")) ? readdirSync(join(dir, "out"), { recursive: true }).map(String) : [];
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // What the cancelled build wrote is taken up, never reported as edited by hand.
    const next = await buildJson(dir, "--lang", "en");
    expect(next.code).toBe(0);
    expect(next.report.kept).toEqual([]);
    expect(next.report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
