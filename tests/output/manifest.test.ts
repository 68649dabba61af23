// The manifest is read as untrusted input, and a text checked once is not checked again: each
// rebuild of a watch session reads the manifest the one before wrote.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FILE, readManifestFile, rememberManifest, serializeManifest, type Manifest } from "../../src/output/manifest.js";
import { tempDir } from "../temp.js";

const SHA = "a".repeat(64);
const manifest = (version: string): Manifest => ({ tool: { name: "edih", version }, call: "DIGITAL-2021-EDIH-INITIAL-01", stage: "draft", draft: false,
  inputs: { "application/edih.yaml": SHA },
  outputs: [{ path: "en/part-b.pdf", sha256: SHA, size: 10, document: "part-b", lang: "en", format: "pdf", inputs: SHA, render: SHA, pages: 3 }] });

function outWith(text: string): string {
  const out = join(tempDir("manifest"), "out");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MANIFEST_FILE), text);
  return out;
}

describe("readManifestFile", () => {
  it("gives the same checked manifest for the same text, frozen, and checks another text anew", () => {
    const text = serializeManifest(manifest("0.1.0"));
    const first = readManifestFile(outWith(text));
    expect(first.problem).toBeUndefined();
    expect(first.manifest?.outputs[0]?.path).toBe("en/part-b.pdf");
    expect(Object.isFrozen(first.manifest!.outputs[0])).toBe(true);
    expect(readManifestFile(outWith(text)).manifest).toBe(first.manifest);
    const other = readManifestFile(outWith(serializeManifest(manifest("0.1.1"))));
    expect(other.manifest).not.toBe(first.manifest);
    expect(other.manifest?.tool.version).toBe("0.1.1");
  });

  it("finds a text the build remembered already checked", () => {
    const text = serializeManifest(manifest("0.2.0"));
    rememberManifest(text);
    const a = readManifestFile(outWith(text));
    expect(readManifestFile(outWith(text)).manifest).toBe(a.manifest);
    expect(a.manifest?.tool.version).toBe("0.2.0");
  });

  it.each([
    { name: "not JSON", text: "{\"tool\":", problem: /^it is not JSON/ },
    { name: "another shape", text: JSON.stringify({ ...manifest("0.1.0"), outputs: "none" }), problem: /^outputs: / },
    { name: "an output twice", text: serializeManifest({ ...manifest("0.1.0"), outputs: [...manifest("0.1.0").outputs, ...manifest("0.1.0").outputs] }), problem: /listed twice/ },
  ])("reports $name every time it is read, remembered or not", ({ text, problem }) => {
    rememberManifest(text);
    for (let i = 0; i < 2; i++) {
      const read = readManifestFile(outWith(text));
      expect(read.manifest).toBeUndefined();
      expect(read.problem).toMatch(problem);
    }
  });
});
