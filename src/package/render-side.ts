/**
 * The render side — templates, Markdown, both writers, Typst — as a thread that renders loads it.
 * From dist/, that is dist/startup/render.mjs: one ES module esbuild made of the render modules and
 * the packages they use (scripts/build-startup.ts), which loads in ~175 ms against ~450 ms for the
 * ~470 files one by one (2-core machine, 2026-12-04: each render worker, and a small build's own
 * thread, paid that at every start). The modules themselves when there is no such file (a run from
 * sources, an install without esbuild), when dist/ was compiled again after it was made (its stamp,
 * as for the start-up bundle), or with EDIH_BUNDLE=0. Both are the same code: the outputs are
 * byte-identical either way (tests/startup/render-bundle.test.ts).
 */
import { fileURLToPath } from "node:url";
import { stampedBundleIsCurrent } from "../startup/run-bundle.js";
import type * as RenderJob from "./render-job.js";

export type RenderSide = Pick<typeof RenderJob, "createJobRenderer" | "warmRenderer">;

/** Relative to this module, so a run from src/ (tests) never finds it and tests the sources. */
const BUNDLE = new URL("../../startup/render.mjs", import.meta.url);
const DIST_MAIN = new URL("../main.js", import.meta.url);

let side: Promise<RenderSide> | undefined;

/** Where this thread's render side comes from (loaded on first call, then kept). */
export function renderSideSource(env: NodeJS.ProcessEnv = process.env): "bundle" | "modules" {
  return env.EDIH_BUNDLE !== "0" && stampedBundleIsCurrent(fileURLToPath(BUNDLE), fileURLToPath(DIST_MAIN)) ? "bundle" : "modules";
}

// async: the start-up bundle reaches dist-side modules only through their async functions.
export async function renderSide(): Promise<RenderSide> {
  return (side ??= renderSideSource() === "bundle" ? import(BUNDLE.href) as Promise<RenderSide> : import("./render-job.js"));
}
