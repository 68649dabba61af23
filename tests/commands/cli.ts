// Runs the built CLI (dist/, rebuilt by `npm test`'s pretest) with stdin closed: never a terminal.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../..");

export function edih(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/edih.js"), ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Finding { severity: string; ruleId: string; file?: string; message: string }

/**
 * Errors `edih apply validate` finds in what edih itself wrote: format problems anywhere, or any
 * error inside a partner file. A fresh skeleton still has rule findings about sections the
 * consultant has yet to write (no services, no coordinator): those are expected and not returned.
 */
export function errorsInWrittenData(dir: string): Finding[] {
  const r = edih(["apply", "validate", dir, "--format", "json"]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`validate exited ${r.code}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { diagnostics: Finding[] };
  return report.diagnostics.filter((d) => d.severity === "error" &&
    (d.ruleId === "schema" || d.ruleId.startsWith("yaml") || /partners\/[^/]+\.yaml$/.test(d.file ?? "")));
}
