// How many worker threads a build renders on, by its number of jobs and the machine's cores.
import { describe, expect, it } from "vitest";
import { MIN_JOBS_FOR_WORKERS, plannedWorkers } from "../../src/package/render-pool.js";

describe("plannedWorkers", () => {
  const cases: { jobs: number; cores: number; forced: boolean; workers: number; why: string }[] = [
    { jobs: 72, cores: 2, forced: false, workers: 2, why: "a full build of the example: both cores" },
    { jobs: 14, cores: 2, forced: false, workers: 0, why: "one partner edited: as fast in one thread, for less CPU" },
    { jobs: MIN_JOBS_FOR_WORKERS - 1, cores: 8, forced: false, workers: 0, why: "below the threshold, whatever the cores" },
    { jobs: MIN_JOBS_FOR_WORKERS, cores: 8, forced: false, workers: 5, why: "at most one worker per 4 jobs" },
    { jobs: 400, cores: 8, forced: false, workers: 8, why: "one per core" },
    { jobs: 400, cores: 1, forced: false, workers: 0, why: "one core" },
    { jobs: 16, cores: 2, forced: true, workers: 2, why: "EDIH_WORKERS=2 asks for workers whatever the size" },
    { jobs: 1, cores: 2, forced: true, workers: 0, why: "one job cannot be shared" },
    { jobs: 72, cores: 1, forced: true, workers: 0, why: "EDIH_WORKERS=1: never workers" },
  ];
  for (const c of cases) {
    it(`${c.jobs} jobs, ${c.cores} cores${c.forced ? ", EDIH_WORKERS" : ""}: ${c.workers} (${c.why})`, () => {
      expect(plannedWorkers(c.jobs, c.cores, c.forced)).toBe(c.workers);
    });
  }
});
