import { defineConfig } from "vitest/config";
import { SlowFirst } from "./tests/slow-first.js";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // No verdict depends on the machine's speed: a test or hook fails by what it asserts, and the
    // time limit is only there to end one that hangs (10× and more the slowest test's quiet time).
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // DOCX/PDF tests spawn LibreOffice and poppler; two workers match the 2-core machines.
    maxWorkers: 2,
    // One module graph per worker instead of one per file: every file re-imported src through vite
    // (~50 s of the suite). Safe because src's module caches hold frozen or content-keyed install
    // data, and tests restore what they change (env, spies, timers).
    isolate: false,
    // Per-file cleanup that a shared helper module cannot register itself once it is imported only once.
    setupFiles: ["tests/setup.ts"],
    // A folder for the run that workers keep things in between files (tests/office.ts).
    globalSetup: ["tests/global-setup.ts"],
    // The longest files first, also on a fresh clone that has no durations cached (tests/slow-first.ts).
    sequence: { sequencer: SlowFirst },
  },
});
