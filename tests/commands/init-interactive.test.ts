// `edih init` answered in a real terminal: tmux runs the built CLI on a pseudo-terminal, the test
// waits for each question on screen (capture-pane) and types the answer (send-keys).
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "../../src/load/index.js";
import { parseApplication } from "../../src/schema/diagnose.js";
import { ROOT, edih, errorsInWrittenData } from "./cli.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
// Own server socket: the test never sees or touches anybody else's tmux sessions.
const SOCKET = `edih-test-${process.pid}`;
const SESSION = `init-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", SESSION);

async function waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (typeof text === "string" ? s.includes(text) : text.test(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function answer(question: string | RegExp, ...keys: string[]): Promise<void> {
  await waitFor(question);
  for (const k of keys) tmux("send-keys", "-t", SESSION, ...(k.startsWith("=") ? ["-l", k.slice(1)] : [k]));
}

/** Moves the cursor (❯) of a list question down to the line holding `item`, then picks it. */
async function pick(question: string | RegExp, item: string): Promise<void> {
  await waitFor(question);
  const cursorOn = (s: string) => s.split("\n").some((l) => l.trimStart().startsWith("❯") && l.includes(item));
  for (let i = 0; i < 40 && !cursorOn(screen()); i++) {
    tmux("send-keys", "-t", SESSION, "Down");
    await new Promise((r) => setTimeout(r, 80));
  }
  await waitFor({ test: cursorOn } as unknown as RegExp);
  tmux("send-keys", "-t", SESSION, "Enter");
}

afterAll(() => {
  if (!hasTmux) return;
  spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  // kill-server leaves the socket file behind.
  rmSync(join(process.env.TMUX_TMPDIR ?? "/tmp", `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
});

describe.skipIf(!hasTmux)("edih init in a real terminal", () => {
  it("asks each question and writes a valid application", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "edih-tty-")), "hub");
    const cmd = `cd ${ROOT} && node bin/edih.js init ${dir}; echo EDIH-EXIT=$?; sleep 120`;
    tmux("new-session", "-d", "-s", SESSION, "-x", "200", "-y", "50", "-e", "LANG=C.UTF-8", cmd);

    await answer("Call", "Enter");                                  // default DIGITAL-2021-EDIH-01
    await answer("Hub acronym", "C-u", "=TTYHUB", "Enter");
    await answer("Hub name in Bulgarian", "C-u", "=Hub TTY bg", "Enter");
    await answer("Hub name in English", "C-u", "=Hub TTY en", "Enter");
    await answer("Country", "Enter");                               // BG
    await pick("Region the hub covers", "BG34 ");
    await answer("Languages of the documents", "Enter");            // bg, en checked
    await answer("Digital Europe capacities", "Enter");             // all four checked
    await answer("Duration in months", "Enter");
    await answer("Legal form of the hub's entity", "Enter");        // association
    await answer("Is it for public benefit", "Enter");                        // yes
    await pick("Seat of the hub's entity", "BG344 ");
    await answer("City of the seat", "Enter");                      // from the NUTS 3 name
    await answer("Add a partner now?", "Enter");
    await answer("Partner's name in Bulgarian", "=Trakia bg", "Enter");
    await answer("Partner's name in English", "=Trakia University", "Enter");
    await answer("Id (kebab-case", "Enter");                        // trakia-university
    await pick(/\? Legal form/, "ood — ООД");
    await answer("Type of organisation", "Enter");                  // public-authority
    await answer("Roles", "Enter");                                 // founder
    await answer("Seat's region", "Enter");                         // the hub's seat region
    await answer("Seat's city", "Enter");
    await answer("Add another partner?", "Enter");                  // no
    const end = await waitFor(/EDIH-EXIT=\d+/, 20_000);
    expect(end).toContain("EDIH-EXIT=0");

    expect(readdirSync(join(dir, "partners"))).toEqual(["trakia-university.yaml"]);
    const loaded = await loadProject(dir);
    const parsed = parseApplication(loaded.project!);
    expect(parsed.diagnostics).toEqual([]);
    const app = parsed.application!;
    expect(app.hub).toMatchObject({ acronym: "TTYHUB", region: "BG34", name: { bg: "Hub TTY bg", en: "Hub TTY en" },
      legal_entity: { legal_form: "association", public_benefit: true, seat: { nuts3: "BG344" } } });
    expect(app.partners[0]).toMatchObject({ id: "trakia-university", legal_form: "ood", roles: ["founder"], seat: { nuts3: "BG344" } });
    expect(readFileSync(join(dir, "partners/trakia-university.yaml"), "utf8").split("\n")[0])
      .toBe("# yaml-language-server: $schema=../.edih/partner.schema.json");
    expect(errorsInWrittenData(dir)).toEqual([]);
  }, 90_000);
});
