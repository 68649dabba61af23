// Runs once in vitest's main process, before any worker starts and after the last file ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder for the whole run, removed after it: what a worker keeps between test files. */
    runDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), "edih-test-run-"));
  project.provide("runDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
