// `edih` for the load and validate tests: in-process (runCli, the source as it is), or the built
// CLI in a subprocess (runBuiltCli) where the test is about the process itself (module loading).
import { runCli as inProcess, spawnCli, ROOT, type CliOptions } from "../run-cli.js";

export { ROOT };

export interface CliResult { status: number | null; stdout: string; stderr: string }

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const r = await inProcess(args, options);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

export function runBuiltCli(args: string[], options: Omit<CliOptions, "stdin"> & { nodeArgs?: string[] } = {}): CliResult {
  const r = spawnCli(args, options);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}
