/**
 * The DOCX frames the build step makes ahead of time (writers/docx/frame-store.ts) are the very
 * parts docx makes at run time for the same options, and a frame is found only for those options.
 */
import { describe, expect, it } from "vitest";
import { FRAME_KEYS, frameOptions, makeFrameParts } from "../../src/writers/docx/frame.js";
import { frameFingerprint, frameStore, storedFrame } from "../../src/writers/docx/frame-store.js";

describe("DOCX frames made at build time", () => {
  it("are docx's parts for every setting edih writes with", async () => {
    expect(FRAME_KEYS.length).toBe(16);
    for (const key of FRAME_KEYS) {
      const options = frameOptions(key);
      const stored = storedFrame(options);
      expect(stored, JSON.stringify(key)).toBeDefined();
      expect([...stored!]).toEqual([...await makeFrameParts(options)]);
    }
  });

  it("are not used for other options: another density, another docx option", () => {
    const options = frameOptions(FRAME_KEYS[0]!);
    expect(storedFrame({ ...options, revision: 2 })).toBeUndefined();
    expect(storedFrame(frameOptions({ ...FRAME_KEYS[0]!, density: { size: 9, margin: 40, paragraphGap: 1 } }))).toBeUndefined();
    expect(frameFingerprint(options)).not.toBe(frameFingerprint(frameOptions(FRAME_KEYS[1]!)));
  });

  it("keeps each distinct text once", () => {
    const parts = (styles: string) => new Map([["word/styles.xml", styles], ["word/theme/theme1.xml", "theme"]]);
    const store = frameStore([{ options: { a: 1 }, parts: parts("s1") }, { options: { a: 2 }, parts: parts("s2") }]);
    expect(store.texts).toEqual(["s1", "theme", "s2"]);
    expect(Object.values(store.frames)).toEqual([[["word/styles.xml", 0], ["word/theme/theme1.xml", 1]], [["word/styles.xml", 2], ["word/theme/theme1.xml", 1]]]);
  });
});
