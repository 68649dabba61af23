// The installation's data YAML (data/legal-forms.yaml, data/calls/*.yaml) stays the source; the
// build also writes each as JSON under dist/data/, because parsing YAML costs more cold than the
// whole rest of `edih validate` reading them. The JSON names the sha256 of the YAML it came from
// and is used only while that still matches, so an edited data file is never shadowed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { parse } from "yaml";
import { dataDir } from "../domain/install.js";

interface CompiledFile {
  source_sha256: string;
  data: unknown;
}

/** How every installation data file is parsed, precompiled or not. */
export function parseDataYaml(text: string): unknown {
  return parse(text, { uniqueKeys: true });
}

/** data/calls/x.yaml → dist/data/calls/x.json; undefined for files outside the installation's data/. */
export function compiledDataPath(yamlFile: string): string | undefined {
  const data = dataDir();
  const rel = relative(data, yamlFile);
  if (!rel.endsWith(".yaml") || rel.startsWith("..") || rel.startsWith(sep)) return undefined;
  return join(dirname(data), "dist", "data", `${rel.slice(0, -".yaml".length)}.json`);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The parsed data of `yamlFile` (whose text is `text`), read from its JSON form when that is current. */
export function readDataYaml(yamlFile: string, text: string): unknown {
  const compiled = compiledDataPath(yamlFile);
  if (compiled) {
    try {
      const file = JSON.parse(readFileSync(compiled, "utf8")) as CompiledFile;
      if (file.source_sha256 === sha256(text)) return file.data;
    } catch {
      // not built, or unreadable: the YAML below is the source anyway
    }
  }
  return parseDataYaml(text);
}

/**
 * Build step: writes the JSON form of one data file. A file that does not parse gets none, so
 * the loader reads the YAML and reports the problem exactly as it would without a build.
 */
export function compileDataYaml(yamlFile: string): string | undefined {
  const target = compiledDataPath(yamlFile);
  if (!target) throw new Error(`${yamlFile} is not in the installation's data/ folder`);
  const text = readFileSync(yamlFile, "utf8");
  let data: unknown;
  try {
    data = parseDataYaml(text);
  } catch {
    return undefined;
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ source_sha256: sha256(text), data } satisfies CompiledFile));
  renameSync(temp, target);
  return target;
}
