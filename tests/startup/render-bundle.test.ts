// Threads that render load the render side from one bundled module when the build made it next to
// the dist/ that runs (src/package/render-side.ts), and it writes the bytes the modules write.
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST_MAIN_FILE, RENDER_BUNDLE_FILE, formatStamp } from "../../src/startup/bundle-format.js";
import { stampedBundleIsCurrent } from "../../src/startup/run-bundle.js";
import { copyExample, edihProcess, ROOT, treeHashes } from "../e2e/build-helpers.js";
import { spawnSync } from "../spawn.js";
import { tempDir } from "../temp.js";

const ID = "0123456789abcdef0123456789abcdef";

/** A package folder with dist/src/main.js and a render bundle whose first line is `firstLine(mtime of main.js)`. */
function fakeInstall(firstLine?: (mtimeMs: number) => string): { bundle: string; main: string } {
  const root = tempDir("render-bundle");
  const main = join(root, DIST_MAIN_FILE);
  const bundle = join(root, RENDER_BUNDLE_FILE);
  mkdirSync(dirname(main), { recursive: true });
  writeFileSync(main, "");
  mkdirSync(dirname(bundle), { recursive: true });
  if (firstLine) writeFileSync(bundle, `${firstLine(statSync(main).mtimeMs)}\nexport const x = 1;\n`);
  return { bundle, main };
}

describe("whether a render bundle is current", () => {
  const stamped = (m: number) => formatStamp({ distMainMtimeMs: m, id: ID });
  it.each([
    { name: "made next to this dist/", first: stamped, current: true },
    { name: "unstamped", first: () => "import x from 'y';", current: false },
    { name: "stamped for another dist/", first: (m: number) => stamped(m + 1), current: false },
    { name: "stamped on a line longer than the head read", first: (m: number) => `${stamped(m)}${" ".repeat(300)}`, current: false },
    { name: "absent", first: undefined, current: false },
  ])("$name: $current", ({ first, current }) => {
    const { bundle, main } = fakeInstall(first);
    expect(stampedBundleIsCurrent(bundle, main)).toBe(current);
  });

  it("is no longer current once dist/ is compiled again", () => {
    const { bundle, main } = fakeInstall((m) => formatStamp({ distMainMtimeMs: m, id: ID }));
    expect(stampedBundleIsCurrent(bundle, main)).toBe(true);
    utimesSync(main, new Date(), new Date(Date.now() + 5000));
    expect(stampedBundleIsCurrent(bundle, main)).toBe(false);
    expect(stampedBundleIsCurrent(bundle, join(dirname(main), "gone.js"))).toBe(false);
  });
});

describe("the render bundle of this build", () => {
  const source = (env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, ["--input-type=module", "-e",
    `import { renderSideSource } from ${JSON.stringify(join(ROOT, "dist/src/package/render-side.js"))}; process.stdout.write(renderSideSource());`],
  { encoding: "utf8", env: { ...process.env, ...env } }).stdout;

  it("is what the compiled CLI renders with; EDIH_BUNDLE=0 renders with the modules", () => {
    expect(source()).toBe("bundle");
    expect(source({ EDIH_BUNDLE: "0" })).toBe("modules");
  });

  it("writes the bytes the modules write, in render workers as in the build's own thread", () => {
    // Part B (narrative, tables, partner lists, a table of contents), both languages: a forced worker
    // renders them from the bundle, the other build renders them in its own thread from the modules.
    const args = (dir: string) => ["apply", "build", dir, "--only", "part-b", "-q"];
    const bundled = copyExample("render-bundle-a");
    const modules = copyExample("render-bundle-b");
    const a = edihProcess(args(bundled), { env: { ...process.env, EDIH_WORKERS: "2" } });
    const b = edihProcess(args(modules), { env: { ...process.env, EDIH_WORKERS: "1", EDIH_BUNDLE: "0" } });
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, "", 0, ""]);
    const [ha, hb] = [treeHashes(join(bundled, "out")), treeHashes(join(modules, "out"))];
    expect(Object.keys(ha).filter((f) => /part-b\.(pdf|docx)$/.test(f)).length).toBe(4);
    expect(ha).toEqual(hb);
    // The bundle's build keeps parsed Markdown sections in the application's cache; a build from
    // them, into a fresh out/, writes the same bytes.
    const store = readdirSync(join(bundled, ".edih", "cache")).filter((n) => n.startsWith("md-"));
    expect(store.length).toBe(1);
    expect(readdirSync(join(bundled, ".edih", "cache", store[0]!)).length).toBeGreaterThan(10);
    rmSync(join(bundled, "out"), { recursive: true });
    const again = edihProcess(args(bundled), { env: { ...process.env, EDIH_WORKERS: "2" } });
    expect([again.code, again.stderr]).toEqual([0, ""]);
    expect(treeHashes(join(bundled, "out"))).toEqual(hb);
  });
});
