// Runs before every test file (vitest setupFiles), also when files share one module graph.
import { afterAll } from "vitest";
import { removePendingTempDirs } from "./temp.js";

afterAll(removePendingTempDirs);
