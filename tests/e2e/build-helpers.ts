// Shared by the build end-to-end tests: the built CLI, copies of the example, poppler/qpdf/LibreOffice.
import { spawn } from "node:child_process";
import { spawnSync } from "../spawn.js";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parse } from "yaml";
import { copyApplicationSources } from "../../src/workflow/example-sources.js";
import { runCli, spawnCli } from "../run-cli.js";
import { soffice } from "../office.js";
import { tempDir } from "../temp.js";

export const ROOT = join(import.meta.dirname, "../..");
export const EXAMPLE = join(ROOT, "examples/zagore");

export interface Run { code: number | null; stdout: string; stderr: string }

/** edih in-process (runCli, as main.ts runs it), never on a terminal; NO_COLOR unless `env` says otherwise. */
export function edih(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return runCli(args, opts);
}

/** The built CLI in a subprocess: for the one smoke test of a command family. */
export function edihProcess(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  return spawnCli(args, opts);
}

/** A fresh copy of examples/zagore's sources (never a user's out/) in a temp folder removed after the test (file). */
export function copyExample(label = "build"): string {
  const dir = join(tempDir(label), "zagore");
  copyApplicationSources(EXAMPLE, dir);
  return dir;
}

export interface BuildJson {
  ok: boolean; stopped: boolean; out: string; written: string[]; skipped: string[]; kept: string[]; removed: string[]; reused: string[];
  pages: Record<string, number>; counts: { error: number; warning: number };
  diagnostics: { ruleId: string; severity: string; message: string; file?: string; hint?: string }[];
}

export async function buildJson(dir: string, ...flags: string[]): Promise<{ code: number | null; report: BuildJson; stderr: string }> {
  const r = await edih(["apply", "build", dir, "--json", ...flags]);
  return { code: r.code, report: JSON.parse(r.stdout) as BuildJson, stderr: r.stderr };
}

/** Bulgarian names of the partners that found the association, read from the example's files. */
export function founderNamesBg(dir: string): string[] {
  const names: string[] = [];
  for (const f of readdirSync(join(dir, "partners")).sort()) {
    const p = parse(readFileSync(join(dir, "partners", f), "utf8")) as { name: string | { bg: string }; roles: string[] };
    if (p.roles.includes("founder")) names.push(typeof p.name === "string" ? p.name : p.name.bg);
  }
  return names;
}

/** Words joined by single spaces: PDF and DOCX text break lines inside table cells. */
export const words = (s: string) => s.replace(/\u00ad/g, "").replace(/\s+/g, " ");

export function pdfText(file: string, page?: number): string {
  const args = page ? ["-f", String(page), "-l", String(page)] : [];
  const r = spawnSync("pdftotext", [...args, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext ${file}: ${r.stderr}`);
  return r.stdout;
}

export function pdfPages(file: string): number {
  return Number(spawnSync("qpdf", ["--show-npages", file], { encoding: "utf8" }).stdout.trim());
}

export function qpdfCheck(file: string): { code: number | null; out: string } {
  const r = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
}

export function outlineTitles(file: string): { title: string; page: number }[] {
  const r = spawnSync("qpdf", ["--json=2", "--json-key=outlines", file], { encoding: "utf8", maxBuffer: 64 << 20 });
  const j = JSON.parse(r.stdout) as { outlines: { title: string; destpageposfrom1: number }[] };
  return j.outlines.map((o) => ({ title: o.title, page: o.destpageposfrom1 }));
}

/** Converts every DOCX in one call of LibreOffice (slow to start) and returns text by base name. */
export function docxTexts(files: string[]): Record<string, string> {
  const outdir = tempDir("soffice-out");
  soffice(["--convert-to", "txt:Text", "--outdir", outdir, ...files]);
  const texts: Record<string, string> = {};
  for (const f of files) {
    const base = f.split("/").pop()!.replace(/\.docx$/, "");
    const txt = join(outdir, `${base}.txt`);
    texts[base] = existsSync(txt) ? readFileSync(txt, "utf8") : "";
  }
  return texts;
}

/**
 * docxTexts for several groups of files (languages) in one LibreOffice start: each file is copied
 * under a name prefixed with its group, as groups may hold the same base names. Texts by group, then base name.
 */
export function docxTextsByLang(groups: Record<string, string[]>): Record<string, Record<string, string>> {
  const staging = tempDir("soffice-in");
  const staged: string[] = [];
  for (const [group, files] of Object.entries(groups)) {
    for (const f of files) {
      const copy = join(staging, `${group}--${basename(f)}`);
      copyFileSync(f, copy);
      staged.push(copy);
    }
  }
  const texts = docxTexts(staged);
  const out: Record<string, Record<string, string>> = {};
  for (const [group, files] of Object.entries(groups)) {
    out[group] = Object.fromEntries(files.map((f) => {
      const base = basename(f).replace(/\.docx$/, "");
      return [base, texts[`${group}--${base}`]!];
    }));
  }
  return out;
}

/** sha256 of every file under `dir`, by relative path. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

export const sha256File = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A long-running CLI process (watch) whose output accumulates, with a wait for a pattern. */
export function startEdih(args: string[], cwd = ROOT) {
  const child = spawn(process.execPath, [join(ROOT, "bin/edih.js"), ...args], {
    cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on("data", (b: Buffer) => { stderr += b.toString(); });
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const waitFor = async (test: (out: { stdout: string; stderr: string }) => boolean, ms = 600_000) => {
    const until = Date.now() + ms;
    while (!test({ stdout, stderr })) {
      if (Date.now() > until) throw new Error(`timed out; stdout:\n${stdout}\nstderr:\n${stderr}`);
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}; stdout:\n${stdout}\nstderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, exited, waitFor, get stdout() { return stdout; }, get stderr() { return stderr; } };
}
