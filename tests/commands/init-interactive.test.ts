// `edih init` answered in a real terminal: tmux runs the built CLI on a pseudo-terminal, the test
// waits for each question on screen (capture-pane) and types the answer (send-keys). The answers
// make a whole consortium — three founders (a municipality with its council decision, a university,
// a business association), a coordinator and one service per family — and the folder written must
// pass `edih apply validate` with 0 errors.
import { afterAll, describe, it } from "vitest";
import { execFileSync, spawnSync } from "../spawn.js";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadProject } from "../../src/load/index.js";
import { parseApplication } from "../../src/schema/diagnose.js";
import { ROOT, edih } from "./cli.js";
import { tempDir } from "../temp.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
// Own server socket and session, unique per run: the test never sees or touches anybody else's tmux.
const UNIQUE = `${process.pid}-${randomBytes(3).toString("hex")}`;
const SOCKET = `edih-test-${UNIQUE}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How often the screen is read while waiting: a capture-pane costs a few milliseconds. */
const POLL_MS = 20;

afterAll(() => {
  if (!hasTmux) return;
  spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  // kill-server leaves the socket file behind.
  rmSync(join(process.env.TMUX_TMPDIR ?? "/tmp", `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
});

interface NewPartnerAnswers {
  nameBg: string; nameEn: string; id: string; legalForm: string; type: string;
  /** Typed at the ЕИК question; a first wrong one must be refused as typed. */
  eik?: { wrong?: string; right: string };
}

/**
 * `edih init <dir>` in its own session of the test's tmux server (the pane stays after it exits),
 * read from the screen and typed into like a person would. The tests run at once, each in its own
 * session: most of their time is waiting for the next question.
 */
class Terminal {
  /** What the pane has printed so far goes to this file too (pipe-pane): its size says when the screen may have changed. */
  constructor(private readonly session: string, private readonly log: string) {}

  screen(): string {
    return tmux("capture-pane", "-p", "-t", this.session);
  }

  private printed(): number {
    try { return statSync(this.log).size; } catch { return -1; }
  }

  /**
   * Reads the screen again only when the pane has printed something since the last read: a
   * capture-pane is a process start, and five terminals polling at once cost seconds of CPU over
   * the suite. tmux updates the screen before the piped copy reaches the file, so a size read
   * before the capture never hides a change; a capture every second anyway is the safety net.
   */
  async waitFor(test: (s: string) => boolean, what: string, timeoutMs = 600_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let seen = Number.NaN;
    let readAt = 0;
    for (;;) {
      const size = this.printed();
      if (size !== seen || Date.now() - readAt >= 1000) {
        seen = size;
        readAt = Date.now();
        const s = this.screen();
        if (test(s)) return s;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${this.screen()}`);
      await sleep(POLL_MS);
    }
  }

  /**
   * Waits until `question` is the question being asked: inquirer marks it "?" while it waits and
   * "✔" once answered, so a question asked again (the next partner's name) is never mistaken for
   * the one already on screen.
   */
  asking(question: string): Promise<string> {
    return this.waitFor((s) => s.split("\n").some((l) => l.trimStart().startsWith("?") && l.includes(question)), `the question "${question}"`);
  }

  /** "=text" is typed literally, anything else is a key name (Enter, C-u). */
  keys(...ks: string[]): void {
    for (const k of ks) tmux("send-keys", "-t", this.session, ...(k.startsWith("=") ? ["-l", k.slice(1)] : [k]));
  }

  /** Answers `question` with keys. */
  async answer(question: string, ...ks: string[]): Promise<void> {
    await this.asking(question);
    this.keys(...ks);
  }

  /** Moves the cursor (❯) of the list being asked down to the line holding `item`. */
  async cursorTo(question: string, item: string): Promise<void> {
    await this.asking(question);
    const cursorOn = (s: string) => s.split("\n").some((l) => l.trimStart().startsWith("❯") && l.includes(item));
    let s = this.screen();
    for (let i = 0; i < 40 && !cursorOn(s); i++) {
      this.keys("Down");
      // The list is drawn again once the key is taken: the next step starts from that screen.
      const before = s;
      s = await this.waitFor((now) => now !== before, "the list redrawn after Down");
    }
    await this.waitFor(cursorOn, `the cursor on "${item}"`);
  }

  /** Picks `item` in a select list. */
  async pick(question: string, item: string): Promise<void> {
    await this.cursorTo(question, item);
    this.keys("Enter");
  }

  /** Checks `item` (space) in a checkbox list that starts with nothing checked, and submits it. */
  async check(question: string, item: string): Promise<void> {
    await this.cursorTo(question, item);
    this.keys("Space");
    const checked = (s: string) => s.split("\n").some((l) => l.trimStart().startsWith("❯") && l.includes(item) && l.includes("◉"));
    await this.waitFor(checked, `"${item}" checked`);
    this.keys("Enter");
  }

  async partner(p: NewPartnerAnswers): Promise<void> {
    await this.answer("Partner's name in Bulgarian", `=${p.nameBg}`, "Enter");
    await this.answer("Partner's name in English", `=${p.nameEn}`, "Enter");
    await this.answer("Id (kebab-case", "C-u", `=${p.id}`, "Enter");
    await this.pick("Legal form", `${p.legalForm} — `);
    await this.pick("Type of organisation", p.type);
    await this.answer("Roles", "Enter");                                 // founder, checked by default
    await this.answer("Seat's region", "Enter");                         // the hub's seat region, BG344
    await this.answer("Seat's city", "Enter");                           // from the NUTS 3 name
    // Identifiers are asked and checked as typed; empty = not known yet.
    if (p.eik?.wrong) {
      await this.answer(": ЕИК/БУЛСТАТ", `=${p.eik.wrong}`, "Enter");
      await this.waitFor((s) => s.includes(`ЕИК ${p.eik!.wrong} fails its check digit`), "the ЕИК refused as typed");
      this.keys("C-u", `=${p.eik.right}`, "Enter");
    } else {
      await this.answer(": ЕИК/БУЛСТАТ", ...(p.eik ? [`=${p.eik.right}`] : []), "Enter");
    }
    await this.answer(": VAT number", "Enter");
    await this.answer(": PIC, 9 digits", "Enter");
  }

  async service(family: string, bg: string, en: string, provider: string): Promise<void> {
    await this.answer(`${family} — service title in Bulgarian`, `=${bg}`, "Enter");
    await this.answer(`${family} — service title in English`, `=${en}`, "Enter");
    await this.check(`${family} — provided by`, provider);
    await this.answer(`Another service in ${family}?`, "Enter");          // no
  }
}

/**
 * Runs `edih init <dir>` in a new session of the test's own server. The command waits until the
 * pane's output is piped to the log (wait-for), so the log misses nothing init prints.
 */
function start(name: string, dir: string): Terminal {
  const session = `${name}-${UNIQUE}`;
  const log = join(TEMP, `${session}.log`);
  const cmd = `tmux -L ${SOCKET} wait-for ${session}; cd ${ROOT} && node bin/edih.js init ${dir}; echo EDIH-EXIT=$?; sleep 120`;
  tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", "-e", "LANG=C.UTF-8", cmd);
  tmux("pipe-pane", "-t", session, `cat >> '${log}'`);
  tmux("wait-for", "-S", session);
  return new Terminal(session, log);
}

// Made while collecting, removed after the file: the tests run concurrently, and a folder made in
// one must not be tied to whichever of them finishes first.
const TEMP = hasTmux ? tempDir("tty") : "";
const newHub = () => join(mkdtempSync(join(TEMP, "t-")), "hub");

describe.skipIf(!hasTmux)("edih init in a real terminal", () => {
  it.concurrent("asks for the hub, the founders, the coordinator and the services, and writes a valid application", async ({ expect }) => {
    const dir = newHub();
    const t = start("national", dir);

    await t.pick("Call", "BG-EDIH-PRESELECTION-2021");
    await t.answer("Hub acronym", "C-u", "=TTYHUB", "Enter");
    await t.answer("Country", "Enter");                               // BG
    await t.pick("Region the hub covers", "BG34 ");
    await t.answer("Languages of the documents", "Enter");            // bg, en checked
    await t.answer("Hub name in Bulgarian", "C-u", "=Хъб TTY", "Enter");
    await t.answer("Hub name in English", "C-u", "=Hub TTY", "Enter");
    await t.answer("Digital Europe capacities", "Enter");             // all four checked
    await t.answer("Duration in months", "Enter");
    await t.answer("Legal form of the hub's entity", "Enter");        // association
    await t.answer("Is it for public benefit", "Enter");              // yes
    await t.pick("Seat of the hub's entity", "BG344 ");
    await t.answer("City of the seat", "Enter");
    for (const q of ["The hub's entity: ЕИК/БУЛСТАТ", "The hub's entity: VAT number", "The hub's entity: PIC"]) await t.answer(q, "Enter");

    // The national call needs 3 founders that are legal persons: the question says so.
    await t.answer("Add a partner now? (the association needs at least 3 founders", "Enter");
    await t.partner({ nameBg: "Община Стара Загора", nameEn: "Municipality of Stara Zagora", id: "stara-zagora-municipality",
      legalForm: "municipality", type: "public-authority" });
    await t.answer("Council decision — number", "=123", "Enter");
    await t.answer("Council decision — date", "=2021-01-28", "Enter");
    // Short of the minimum, "add another" defaults to yes: Enter goes on.
    await t.answer("Add another partner? (the association needs 3 founders that are legal persons; 1 so far)", "Enter");
    await t.partner({ nameBg: "Тракийски университет", nameEn: "Trakia University", id: "trakia-university",
      legalForm: "state-university", type: "higher-education", eik: { wrong: "201355509", right: "201355508" } });
    await t.answer("Add another partner? (the association needs 3 founders that are legal persons; 2 so far)", "Enter");
    await t.partner({ nameBg: "Клуб на работодателите", nameEn: "Employers Club", id: "employers-club",
      legalForm: "association", type: "business-association" });
    await t.answer("Add another partner?", "Enter");                 // minimum met: defaults to no

    await t.pick("Coordinator of the later EU proposal", "trakia-university —");

    await t.service("Test before invest", "Лаборатория за ИИ", "AI test lab", "trakia-university");
    await t.service("Skills and training", "Академия за цифрови умения", "Digital skills academy", "trakia-university");
    await t.service("Support to find investments", "Готовност за инвеститори", "Investor readiness", "employers-club");
    await t.service("Innovation ecosystem and networking", "Регионални срещи", "Regional matchmaking", "stara-zagora-municipality");

    const end = await t.waitFor((s) => /EDIH-EXIT=\d+/.test(s), "the end of init", 600_000);
    expect(end).toContain("EDIH-EXIT=0");
    expect(end).toMatch(/finds 0 errors.*the application is valid/);

    expect(readdirSync(join(dir, "partners")).sort()).toEqual(["employers-club.yaml", "stara-zagora-municipality.yaml", "trakia-university.yaml"]);
    const municipality = readFileSync(join(dir, "partners/stara-zagora-municipality.yaml"), "utf8");
    expect(municipality.split("\n")[0]).toBe("# yaml-language-server: $schema=../.edih/partner.schema.json");
    expect(municipality).toMatch(/^council_decision: \{number: "123", date: 2021-01-28, protocol: null\}$/m);
    expect(readFileSync(join(dir, "edih.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=.edih/schema.json");

    const loaded = await loadProject(dir);
    const parsed = parseApplication(loaded.project!);
    expect(parsed.diagnostics).toEqual([]);
    const app = parsed.application!;
    expect(app.call).toBe("BG-EDIH-PRESELECTION-2021");
    expect(app.hub).toMatchObject({ acronym: "TTYHUB", region: "BG34", name: { bg: "Хъб TTY", en: "Hub TTY" },
      legal_entity: { legal_form: "association", public_benefit: true, seat: { nuts3: "BG344" } } });
    const byId = Object.fromEntries(app.partners.map((p) => [p.id, p]));
    expect(byId["stara-zagora-municipality"]).toMatchObject({ legal_form: "municipality", roles: ["founder"],
      council_decision: { number: "123", date: "2021-01-28" }, seat: { nuts3: "BG344" } });
    expect(byId["trakia-university"]).toMatchObject({ legal_form: "state-university", type: "higher-education", roles: ["founder", "coordinator"], eik: "201355508" });
    expect(byId["employers-club"]).toMatchObject({ legal_form: "association", type: "business-association", roles: ["founder"] });
    expect(app.services.map((s) => [s.family, s.title, s.providers])).toEqual([
      ["test-before-invest", { bg: "Лаборатория за ИИ", en: "AI test lab" }, ["trakia-university"]],
      ["skills-and-training", { bg: "Академия за цифрови умения", en: "Digital skills academy" }, ["trakia-university"]],
      ["support-to-find-investments", { bg: "Готовност за инвеститори", en: "Investor readiness" }, ["employers-club"]],
      ["ecosystem-and-networking", { bg: "Регионални срещи", en: "Regional matchmaking" }, ["stara-zagora-municipality"]],
    ]);

    // The bar: the application the terminal session wrote is valid.
    const validate = await edih(["apply", "validate", dir]);
    expect(validate.stdout).not.toMatch(/ error /);
    expect(validate.stdout).toMatch(/✔ valid: 0 errors/);
    expect(validate.code).toBe(0);
  });

  it.concurrent("EU call: the coordinator is required (no \"none yet\"), services left for later are listed at the end", async ({ expect }) => {
    const dir = newHub();
    const t = start("eu", dir);
    await t.answer("Call", "Enter");                                  // default DIGITAL-2021-EDIH-01
    await t.answer("Hub acronym", "C-u", "=EUHUB", "Enter");
    await t.answer("Country", "Enter");
    await t.pick("Region the hub covers", "BG34 ");
    for (const q of ["Languages of the documents", "Hub name in Bulgarian", "Hub name in English", "Digital Europe capacities", "Duration in months", "Legal form of the hub's entity", "Is it for public benefit"]) {
      await t.answer(q, "Enter");
    }
    await t.pick("Seat of the hub's entity", "BG344 ");
    await t.answer("City of the seat", "Enter");
    for (const q of ["The hub's entity: ЕИК/БУЛСТАТ", "The hub's entity: VAT number", "The hub's entity: PIC"]) await t.answer(q, "Enter");
    await t.answer("Add a partner now?", "Enter");
    await t.partner({ nameBg: "Тракийски университет", nameEn: "Trakia University", id: "trakia-university",
      legalForm: "state-university", type: "higher-education" });
    await t.answer("Add another partner?", "Enter");                 // no founder minimum on the EU call: defaults to no
    const coordinator = await t.asking("Coordinator: which partner submits the EU proposal?");
    expect(coordinator).not.toContain("none yet");
    t.keys("Enter");                                                  // the only partner
    // Titles left empty: the family is left for later, nothing is made up.
    for (const family of ["Test before invest", "Skills and training", "Support to find investments", "Innovation ecosystem and networking"]) {
      await t.answer(`${family} — service title in Bulgarian`, "Enter");
      await t.answer(`${family} — service title in English`, "Enter");
    }
    const end = await t.waitFor((s) => /EDIH-EXIT=\d+/.test(s), "the end of init", 600_000);
    expect(end).toContain("EDIH-EXIT=0");
    // The families are warnings in a draft, and init still lists them as the step to take.
    expect(end).toContain("finds 0 errors and");
    expect(end).toContain("- add services in: test-before-invest, skills-and-training, support-to-find-investments, ecosystem-and-networking");
    expect(readFileSync(join(dir, "partners/trakia-university.yaml"), "utf8")).toMatch(/^roles: \[founder, coordinator\]$/m);
    expect(readFileSync(join(dir, "edih.yaml"), "utf8")).toMatch(/^services: \[\]$/m);
    const validate = await edih(["apply", "validate", dir, "--format", "json"]);
    expect(validate.code).toBe(0);
    const found = (JSON.parse(validate.stdout) as { diagnostics: Array<{ severity: string; ruleId: string }> }).diagnostics
      .filter((d) => d.ruleId === "service-families").map((d) => d.severity);
    expect(found).toEqual(["warning", "warning", "warning", "warning"]);
    const submission = await edih(["apply", "validate", dir, "--stage", "submission", "--format", "json"]);
    expect(submission.code).toBe(1);
    expect((JSON.parse(submission.stdout) as { diagnostics: Array<{ severity: string; ruleId: string }> }).diagnostics
      .filter((d) => d.ruleId === "service-families").map((d) => d.severity)).toEqual(["error", "error", "error", "error"]);
  });

  it.concurrent("Ctrl-C at any question ends with \"cancelled\", exit 130, and writes nothing", async ({ expect }) => {
    // Each question in its own session, all at once.
    await Promise.all(["Call", "Region the hub covers", "Partner's name in English"].map(async (question) => {
      const dir = newHub();
      const t = start(`cancel-${question.length}`, dir);
      if (question !== "Call") {
        await t.answer("Call", "Enter");
        await t.answer("Hub acronym", "C-u", "=CTRLC", "Enter");
        await t.answer("Country", "Enter");
      }
      if (question === "Partner's name in English") {
        await t.pick("Region the hub covers", "BG34 ");
        for (const q of ["Languages of the documents", "Hub name in Bulgarian", "Hub name in English", "Digital Europe capacities",
          "Duration in months", "Legal form of the hub's entity", "Is it for public benefit"]) await t.answer(q, "Enter");
        await t.pick("Seat of the hub's entity", "BG344 ");
        for (const q of ["City of the seat", "The hub's entity: ЕИК/БУЛСТАТ", "The hub's entity: VAT number", "The hub's entity: PIC", "Add a partner now?"]) {
          await t.answer(q, "Enter");
        }
        await t.answer("Partner's name in Bulgarian", "=Частично", "Enter");
      }
      await t.answer(question, "C-c");
      const end = await t.waitFor((s) => /EDIH-EXIT=\d+/.test(s), "the end of init");
      expect(end, question).toContain("edih: cancelled");
      expect(end).toContain("EDIH-EXIT=130");
      expect(end).not.toMatch(/internal error|bug in edih/);
      expect(existsSync(dir), question).toBe(false);
    }));
  });
});
