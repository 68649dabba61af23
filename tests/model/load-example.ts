import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadProject } from "../../src/load/index.js";
import type { CallFacts } from "../../src/model/index.js";
import { Application } from "../../src/schema/index.js";

export const ROOT = join(import.meta.dirname, "..", "..");

/** The bundled example, validated by the schema (a failure here is a broken example, not a model bug). */
export async function loadExample(name = "zagore"): Promise<Application> {
  const loaded = await loadProject(join(ROOT, "examples", name));
  if (!loaded.project) throw new Error(`example ${name} did not load: ${JSON.stringify(loaded.diagnostics)}`);
  return Application.parse(loaded.project.raw);
}

/** A call pack through src/calls (extends resolved); the raw file when that module cannot load yet. */
export async function readCallPack(id: string): Promise<CallFacts> {
  try {
    const { loadCallPack } = await import("../../src/calls/index.js");
    const { pack, diagnostics } = loadCallPack(id);
    if (!pack) throw new Error(`call pack ${id} did not load: ${JSON.stringify(diagnostics)}`);
    return pack;
  } catch (err) {
    if (!/Cannot find module/.test(String(err))) throw err;
    return parse(readFileSync(join(ROOT, "data", "calls", `${id}.yaml`), "utf8")) as CallFacts;
  }
}
