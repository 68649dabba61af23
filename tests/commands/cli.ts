// `edih` for the command tests: in-process through runCli (stdin is never a terminal there).
import { runCli, ROOT, type CliRun } from "../run-cli.js";

export { ROOT };

export function edih(args: string[], cwd = ROOT): Promise<CliRun> {
  return runCli(args, { cwd });
}

interface Finding { severity: string; ruleId: string; file?: string; message: string }

/**
 * Errors `edih apply validate` finds in what edih itself wrote: format problems anywhere, or any
 * error inside a partner file. A fresh skeleton still has rule findings about sections the
 * consultant has yet to write (no services, no coordinator): those are expected and not returned.
 */
export async function errorsInWrittenData(dir: string): Promise<Finding[]> {
  const r = await edih(["apply", "validate", dir, "--format", "json"]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`validate exited ${r.code}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { diagnostics: Finding[] };
  return report.diagnostics.filter((d) => d.severity === "error" &&
    (d.ruleId === "schema" || d.ruleId.startsWith("yaml") || /partners\/[^/]+\.yaml$/.test(d.file ?? "")));
}
