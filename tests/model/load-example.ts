import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadProject } from "../../src/load/index.js";
import { Application } from "../../src/schema/index.js";
import type { CallFacts } from "../../src/model/index.js";

export const ROOT = join(import.meta.dirname, "..", "..");

/** The bundled example, validated by the schema (a failure here is a broken example, not a model bug). */
export async function loadExample(name = "zagore"): Promise<Application> {
  const loaded = await loadProject(join(ROOT, "examples", name));
  if (!loaded.project) throw new Error(`example ${name} did not load: ${JSON.stringify(loaded.diagnostics)}`);
  return Application.parse(loaded.project.raw);
}

export function readCallPack(id: string): CallFacts {
  return parse(readFileSync(join(ROOT, "data", "calls", `${id}.yaml`), "utf8")) as CallFacts;
}
