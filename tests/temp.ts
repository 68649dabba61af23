// Temp folders that go away: made under the system's temp folder and removed when the test that
// made one finishes (or, made while collecting or in a beforeAll hook, when the file's tests are done).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";

const pending: string[] = [];

/**
 * Removes the folders made outside a test. Called after each test file by tests/setup.ts: with
 * isolate off this module is imported once per worker, so an afterAll registered here would run
 * after the first file that imported it only.
 */
export function removePendingTempDirs(): void {
  for (const dir of pending.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new empty folder, removed after the test (or the test file) that made it. */
export function tempDir(label = "test"): string {
  const dir = mkdtempSync(join(tmpdir(), `edih-${label}-`));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    pending.push(dir);
  }
  return dir;
}
