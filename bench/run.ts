// `npm run bench`: start-up, validate, build, rebuild and scaling figures measured in ONE run on
// this machine, each as a median over a few runs with its ratio to a baseline measured alongside.
// Prints a table and writes bench/results.json. No timing is asserted anywhere: machines differ.
//
// Environment: BENCH_RUNS (default 5, quick commands), BENCH_BUILD_RUNS (default 3, builds),
// BENCH_SIZES (default "15,50,200"), BENCH_SCALE_LANG (default "en": scaling builds one language).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { EXAMPLE_DIR, generateConsortium } from "./generate.js";
import { HAS_GNU_TIME, median, runOnce, type Sample } from "./measure.js";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "edih.js");
const NODE = process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUILD_RUNS = Number(process.env.BENCH_BUILD_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? "15,50,200").split(",").map(Number);
const SCALE_LANG = process.env.BENCH_SCALE_LANG ?? "en";

interface Row {
  name: string;
  command: string;
  runs: number;
  medianMs: number;
  samplesMs: number[];
  peakRssMb?: number;
  baseline?: string;
  ratio?: number;
  note?: string;
}

const rows: Row[] = [];
const work = mkdtempSync(join(tmpdir(), "edih-bench-"));

/** Runs `sample` n times (after `before`, untimed) and records the median. */
async function measure(name: string, command: string, n: number, sample: (i: number) => Promise<Sample>,
  opts: { before?: (i: number) => void; baseline?: string; note?: string } = {}): Promise<Row> {
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    opts.before?.(i);
    const s = await sample(i);
    if (s.status !== 0) throw new Error(`${command} exited with ${s.status}\n${s.stderr ?? ""}`);
    samples.push(s);
  }
  const rss = samples.map((s) => s.rssMb).filter((x): x is number => x !== undefined);
  const row: Row = { name, command, runs: n, medianMs: median(samples.map((s) => s.ms)), samplesMs: samples.map((s) => round(s.ms)),
    ...(rss.length ? { peakRssMb: Math.max(...rss) } : {}), ...(opts.note ? { note: opts.note } : {}) };
  if (opts.baseline) {
    const base = rows.find((r) => r.name === opts.baseline);
    if (base) { row.baseline = base.name; row.ratio = row.medianMs / base.medianMs; }
  }
  rows.push(row);
  process.stderr.write(`  ${name}: ${round(row.medianMs)} ms\n`);
  return row;
}

const edih = (args: string[]) => () => runOnce(NODE, [BIN, ...args], { cwd: ROOT });

function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

async function main(): Promise<void> {
  spawnSync(NODE, [BIN, "--version"], { stdio: "ignore" }); // warm the file cache once; "cold" = new process
  process.stderr.write(`edih bench: ${RUNS} runs (builds ${BUILD_RUNS}), work dir ${work}\n`);

  // Start-up and validate against a bare Node process.
  await measure("node -e 0", "node -e 0", RUNS, () => runOnce(NODE, ["-e", "0"]));
  await measure("edih --version", "edih --version", RUNS, edih(["--version"]), { baseline: "node -e 0" });
  await measure("edih --help", "edih --help", RUNS, edih(["--help"]), { baseline: "node -e 0" });
  await measure("validate example", "edih apply validate examples/zagore", RUNS,
    edih(["apply", "validate", EXAMPLE_DIR]), { baseline: "node -e 0" });

  // Full build of the example into a fresh out/ each time.
  const app = join(work, "zagore");
  cpSync(EXAMPLE_DIR, app, { recursive: true });
  const out = join(app, "out");
  const build = (dir: string, extra: string[] = []) => () => runOnce(NODE, [BIN, "apply", "build", dir, "-q", ...extra], { cwd: ROOT });
  await measure("full build", "edih apply build (fresh out/, bg+en, docx+pdf)", BUILD_RUNS, build(app),
    { before: () => rmSync(out, { recursive: true, force: true }) });
  const files = readdirSync(out, { recursive: true }).map(String);
  const docx = (lang: string) => files.filter((f) => f.startsWith(`${lang}/`) && f.endsWith(".docx")).map((f) => join(out, f));
  const counted = `${files.filter((f) => /\.(docx|pdf)$/.test(f)).length} files`;
  rows[rows.length - 1]!.note = counted;

  if (hasCommand("soffice")) {
    // The usual template-tool path: DOCX → PDF with LibreOffice, one call per language, a fresh
    // profile each time (as in CI). Only the conversion is timed; producing the DOCX is not.
    const langs = ["bg", "en"].filter((l) => docx(l).length > 0);
    const snapshot = join(work, "docx");
    for (const l of langs) { mkdirSync(join(snapshot, l), { recursive: true }); for (const f of docx(l)) cpSync(f, join(snapshot, l, f.split("/").pop()!)); }
    const soffice = async (): Promise<Sample> => {
      let ms = 0; let rss = 0; let status: number | null = 0;
      for (const l of langs) {
        const profile = join(work, "lo-profile");
        rmSync(profile, { recursive: true, force: true });
        const pdfOut = join(work, "lo-pdf", l);
        rmSync(pdfOut, { recursive: true, force: true });
        const inputs = readdirSync(join(snapshot, l)).map((f) => join(snapshot, l, f));
        const s = await runOnce("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", pdfOut, ...inputs]);
        ms += s.ms; rss = Math.max(rss, s.rssMb ?? 0); status = status || s.status;
      }
      return { ms, status, ...(rss > 0 ? { rssMb: rss } : {}) };
    };
    const lo = await measure("LibreOffice DOCX→PDF", `soffice --headless --convert-to pdf (${langs.map((l) => `${docx(l).length} ${l}`).join(" + ")} DOCX)`,
      BUILD_RUNS, soffice, { note: "conversion only; one call per language, fresh profile" });
    // Like for like: the same PDFs from the same data — edih's PDF step alone against LibreOffice's
    // conversion; and the whole job, DOCX and PDF, against "DOCX by a template tool, then LibreOffice"
    // (edih's own DOCX step standing in for the template tool).
    const other = join(work, "zagore-formats");
    cpSync(EXAMPLE_DIR, other, { recursive: true });
    const fresh = () => rmSync(join(other, "out"), { recursive: true, force: true });
    await measure("pdf build", "edih apply build --format pdf (fresh out/)", BUILD_RUNS, build(other, ["--format", "pdf"]),
      { before: fresh, baseline: lo.name, note: "the same 72 PDFs (+ 2 merged packages)" });
    const docxOnly = await measure("docx build", "edih apply build --format docx (fresh out/)", BUILD_RUNS, build(other, ["--format", "docx"]),
      { before: fresh, note: "the 72 DOCX a template tool would produce" });
    const usual: Row = { name: "usual pipeline", command: "DOCX (as above) then LibreOffice DOCX→PDF", runs: BUILD_RUNS,
      medianMs: docxOnly.medianMs + lo.medianMs, samplesMs: [], note: "sum of the two medians above" };
    rows.push(usual);
    const full = rows.find((r) => r.name === "full build")!;
    full.baseline = usual.name;
    full.ratio = full.medianMs / usual.medianMs;
  } else {
    process.stderr.write("  soffice not on PATH: LibreOffice baseline skipped\n");
  }

  // Rebuilds against the full build (out/ now holds a complete package).
  await measure("no-change rebuild", "edih apply build (nothing changed)", BUILD_RUNS, build(app), { baseline: "full build" });
  const partnerFile = join(app, "partners", "m-s-hydraulic.yaml");
  const original = readFileSync(partnerFile, "utf8");
  await measure("one partner edited", "edih apply build (one partner's short_name changed)", BUILD_RUNS, build(app), {
    baseline: "full build",
    before: (i) => writeFileSync(partnerFile, original.replace(/^short_name: .*$/m, `short_name: M+S Hydraulic ${i + 1}`)),
  });

  // Scaling with generated consortia.
  for (const size of SIZES) {
    const dir = join(work, `consortium-${size}`);
    generateConsortium(dir, size);
    await measure(`validate ${size} partners`, `edih apply validate (${size} partners)`, RUNS,
      () => runOnce(NODE, [BIN, "apply", "validate", dir], { cwd: ROOT }), { baseline: `validate ${SIZES[0]} partners` });
    const langArgs = SCALE_LANG === "all" ? [] : ["--lang", SCALE_LANG];
    const row = await measure(`build ${size} partners`, `edih apply build (${size} partners${langArgs.length ? `, --lang ${SCALE_LANG}` : ""})`,
      size > 50 ? 1 : Math.min(BUILD_RUNS, 2), build(dir, langArgs),
      { baseline: `build ${SIZES[0]} partners`, before: () => rmSync(join(dir, "out"), { recursive: true, force: true }) });
    row.note = `${readdirSync(join(dir, "out"), { recursive: true }).map(String).filter((f) => /\.(docx|pdf)$/.test(f)).length} files`;
  }

  print();
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform },
    settings: { runs: RUNS, buildRuns: BUILD_RUNS, sizes: SIZES, scaleLang: SCALE_LANG, rss: HAS_GNU_TIME ? "/usr/bin/time %M" : "/proc VmHWM polling" },
    rows: rows.map((r) => ({ ...r, medianMs: round(r.medianMs), ...(r.ratio !== undefined ? { ratio: round(r.ratio, 2) } : {}),
      ...(r.peakRssMb !== undefined ? { peakRssMb: round(r.peakRssMb, 1) } : {}) })),
    growth: growth(),
  };
  writeFileSync(join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(`\nwrote bench/results.json\n`);
}

function growth(): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const kind of ["validate", "build"]) {
    const base = rows.find((r) => r.name === `${kind} ${SIZES[0]} partners`);
    if (!base) continue;
    out[kind] = {};
    for (const s of SIZES) {
      const r = rows.find((x) => x.name === `${kind} ${s} partners`);
      if (r) out[kind]![`${s}`] = round(r.medianMs / base.medianMs, 2);
    }
  }
  return out;
}

function print(): void {
  const head = ["command", "runs", "median ms", "ratio", "vs", "peak RSS MB", "note"];
  const body = rows.map((r) => [r.command, String(r.runs), String(round(r.medianMs)), r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`,
    r.baseline ?? "", r.peakRssMb === undefined ? "?" : r.peakRssMb.toFixed(0), r.note ?? ""]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 1 && i <= 3 || i === 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  process.stdout.write(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${body.map(line).join("\n")}\n`);
  const g = growth();
  for (const [kind, f] of Object.entries(g)) {
    process.stdout.write(`growth (${kind}): ${Object.entries(f).map(([s, x]) => `${s} partners ${x}×`).join(", ")} of the ${SIZES[0]}-partner time\n`);
  }
}

function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

main()
  .catch((err) => { process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; })
  .finally(() => rmSync(work, { recursive: true, force: true }));
