// `apply build` flags through the built CLI: --draft, --watch, progress and quiet output, usage errors.
// Only the draft test builds the whole package; the others build one document with --only.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { buildJson, copyExample, edih, pdfPages, pdfText, sha256File, startEdih } from "./build-helpers.js";

const ONE = ["--only", "statute", "--lang", "bg", "--format", "pdf"];

describe("apply build --draft", () => {
  it("stops on invalid data with validate's report; --draft builds and marks every page and every DOCX header", async () => {
    const dir = copyExample("draft");
    const app = join(dir, "edih.yaml");
    writeFileSync(app, readFileSync(app, "utf8").replace("region: BG34", "region: BG99"));

    const validate = await edih(["apply", "validate", dir]);
    expect(validate.code).toBe(1);
    const stopped = await edih(["apply", "build", dir]);
    expect(stopped.code).toBe(1);
    // Validate's report, line for line, with a note on why the build stopped.
    expect(stopped.stdout.replace(/^build stopped: .*\n/m, "")).toBe(validate.stdout);
    expect(stopped.stdout).toMatch(/Hub region BG99 is not a NUTS 2024 code\s+hub-region-nuts2/);
    expect(stopped.stdout).toMatch(/build stopped: fix the errors above, or build a marked draft with --draft/);
    expect(() => readdirSync(join(dir, "out"))).toThrow();

    // Every English document and package, and the Bulgarian documents of each kind that differ in
    // layout (a long one with a contents page, a founding act, a one-page form): the mark is set per
    // language by the same code for every document.
    const draft = await buildJson(dir, "--draft", "--lang", "en");
    expect(draft.report.stopped).toBe(false);
    const errors = draft.report.counts.error;
    expect(errors).toBe(1);
    const bg = await buildJson(dir, "--draft", "--lang", "bg", "--only", "part-b,statute,declaration");
    expect(bg.report.counts.error).toBe(1);
    draft.report.written.push(...bg.report.written);
    const pdfs = draft.report.written.filter((p) => p.endsWith(".pdf"));
    expect(pdfs).toHaveLength(36 + 1 + 2 + 15);
    for (const p of pdfs) {
      const file = join(dir, "out", p);
      const n = pdfPages(file);
      const mark = p.startsWith("bg/") || p === "package-bg.pdf" ? /ЧЕРНОВА \(DRAFT\) — 1 грешка/ : /DRAFT — 1 error/;
      // One pdftotext per file: it ends every page with a form feed.
      const pages = pdfText(file).split("\f").slice(0, -1);
      expect(pages, p).toHaveLength(n);
      pages.forEach((text, i) => expect(text, `${p} page ${i + 1}`).toMatch(mark));
    }
    const docx = draft.report.written.filter((p) => p.endsWith(".docx"));
    expect(docx).toHaveLength(36 + 2 + 15);
    for (const p of docx) {
      const zip = unzipSync(new Uint8Array(readFileSync(join(dir, "out", p))));
      const headers = Object.keys(zip).filter((k) => /^word\/header\d*\.xml$/.test(k)).map((k) => strFromU8(zip[k]!));
      expect(headers.length, p).toBeGreaterThan(0);
      expect(headers.join(""), p).toMatch(p.startsWith("bg/") ? /ЧЕРНОВА \(DRAFT\) — 1 грешка/ : /DRAFT — 1 error/);
    }
    const manifest = JSON.parse(readFileSync(join(dir, "out/manifest.json"), "utf8"));
    expect(manifest.draft).toBe(true);

    // Fixing the data makes every draft stale: the mark is part of each output's inputs.
    writeFileSync(app, readFileSync(app, "utf8").replace("region: BG99", "region: BG34"));
    const status = JSON.parse((await edih(["apply", "status", dir, "--format", "json"])).stdout);
    expect(status.counts["up-to-date"]).toBe(0);
    expect(status.outputs.find((o: { path: string }) => o.path === "bg/statute.pdf").reasons.join(" ")).toMatch(/no longer a draft/);
  });
});

describe("apply build --watch", () => {
  it("builds, reports an invalid save and keeps waiting, rebuilds on a valid save with its time, stops on SIGINT; a cold build gives the same bytes", async () => {
    const dir = copyExample("watch");
    const w = startEdih(["apply", "build", dir, "--watch", "--verbose", ...ONE]);
    try {
      await w.waitFor((o) => /watching .* for changes/.test(o.stderr) && /1 written/.test(o.stdout));
      const app = join(dir, "edih.yaml");
      const good = readFileSync(app, "utf8");
      writeFileSync(app, good + "hub: [broken\n");
      await w.waitFor((o) => /build stopped/.test(o.stdout));
      expect(w.stdout).toMatch(/yaml-syntax|duplicate-key/);
      expect(w.child.exitCode).toBeNull();
      await w.waitFor((o) => (o.stderr.match(/waiting for changes/g) ?? []).length >= 1);
      writeFileSync(app, good.replace("duration_months: 36", "duration_months: 36\n  website: https://example.org/zagore"));
      await w.waitFor((o) => (o.stdout.match(/1 written/g) ?? []).length >= 2 && /rebuilt in \d+ ms/.test(o.stderr));
      w.child.kill("SIGINT");
      expect(await w.exited).toBe(0);
      expect(w.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    } finally {
      if (w.child.exitCode === null) w.child.kill("SIGKILL");
    }
    // What the warm watch process rendered on the save is what a cold build of the same data renders.
    const cold = await edih(["apply", "build", dir, "--out", join(dir, "cold"), "--no-reuse", ...ONE, "-q"]);
    expect(cold.code).toBe(0);
    expect(sha256File(join(dir, "out/bg/statute.pdf"))).toBe(sha256File(join(dir, "cold/bg/statute.pdf")));
  });
});

describe("apply build output", () => {
  it("lists documents, not files: per-partner copies on one line, validation warnings counted; --verbose lists everything", async () => {
    const dir = copyExample("summary");
    const args = ["apply", "build", dir, "--only", "declaration", "--lang", "en", "--format", "pdf"];
    const r = await edih(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ warnings from validation \(`edih apply validate` or --verbose lists them\)$/m);
    expect(r.stdout).toMatch(/wrote \S+\/out\/en\/declaration-<partner>\.pdf for 15 partners, /);
    expect(r.stdout).not.toMatch(/warning {2}Partner/);
    expect(r.stdout.match(/^ {2}wrote /gm)).toHaveLength(1); // --only: no merged package
    const v = await edih([...args, "--verbose"]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/warning {2}Partner "bia" has no ЕИК/);
    // Nothing changed, so nothing is written; --verbose still shows the warnings.
    expect(v.stdout).toMatch(/skipped 15 up-to-date files/);
    writeFileSync(join(dir, "partners/bia.yaml"), readFileSync(join(dir, "partners/bia.yaml"), "utf8").replace("short_name: { bg: БСК, en: BIA }", "short_name: BIA"));
    const w = await edih([...args, "--verbose"]);
    expect(w.stdout.match(/^ {2}wrote \S+\/out\/en\/declaration-bia\.pdf/gm)).toHaveLength(1);
  });

  it("prints no progress line when piped, nothing but errors with --quiet, and no escapes under NO_COLOR", async () => {
    const dir = copyExample("progress");
    const r = await edih(["apply", "build", dir, ...ONE], { env: { NO_COLOR: "1" } });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain("\r");
    expect(r.stdout + r.stderr).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/wrote \S+\/out\/bg\/statute\.pdf {2}\(\d+ p\., \d+ to fill in\)/);
    expect(r.stderr).toBe("");

    const app = join(dir, "edih.yaml");
    writeFileSync(app, readFileSync(app, "utf8").replace("duration_months: 36", "duration_months: 36\n  website: https://example.org/zagore"));
    const q = await edih(["apply", "build", dir, ...ONE, "--quiet"]);
    expect(q.code).toBe(0);
    expect(q.stdout).toBe("");
    expect(q.stderr).toBe("");
    expect(pdfPages(join(dir, "out/bg/statute.pdf"))).toBeGreaterThan(1);

    // With an error, --quiet prints the error and nothing about warnings.
    writeFileSync(app, readFileSync(app, "utf8").replace("region: BG34", "region: BG99"));
    const e = await edih(["apply", "build", dir, ...ONE, "--quiet"]);
    expect(e.code).toBe(1);
    expect(e.stdout).toMatch(/error {2}Hub region BG99/);
    expect(e.stdout).not.toMatch(/ warning /);

    const colored = await edih(["apply", "build", dir, ...ONE], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(colored.stdout).toMatch(/\u001b\[/); // the check above could fail
  });

  it.each([
    [["--format", "xml"], /--format must be one of docx, pdf, both \(got "xml"\)/],
    [["--lang", "de"], /--lang must be one of bg, en \(got "de"\)/],
    [["--only", "nonsense"], /--only nonsense: the call BG-EDIH-PRESELECTION-2021 has no such document/],
    [["--out", "/tmp/elsewhere"], /--out \/tmp\/elsewhere is outside the application folder/],
  ])("usage error %j exits 2 with a short message and writes nothing", async (flags, message) => {
    const dir = copyExample("usage");
    const r = await edih(["apply", "build", dir, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toMatch(message);
    // The message and at most a hint: no stack trace.
    expect(r.stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(2);
    expect(() => readdirSync(join(dir, "out"))).toThrow();
  });
});
