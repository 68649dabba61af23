import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DOCX/PDF tests spawn LibreOffice and poppler; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
