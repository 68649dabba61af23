// Reads an application folder as it was at a git revision into a temp folder, via `git show`,
// so `apply diff --git` compares it with the same loader as any other folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "../write-atomic.js";

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

export interface Snapshot { dir: string; cleanup(): void }

/** `shown`: the folder as the user typed it, for messages. */
export function snapshotAtRevision(rev: string, dir: string, shown = dir): Snapshot {
  const abs = resolve(dir);
  let prefix: string;
  try {
    prefix = git(abs, ["rev-parse", "--show-prefix"]).trim();
  } catch {
    throw new UsageError(`${shown} is not inside a git repository`, "--git compares with a revision of the folder's repository");
  }
  try {
    git(abs, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  } catch {
    throw new UsageError(`unknown git revision "${rev}"`, "give a commit, branch or tag, e.g. HEAD~1 or main");
  }
  const names = git(abs, ["ls-tree", "-r", "--name-only", "--full-tree", rev, "--", prefix || "."])
    .split("\n").filter(Boolean).map((p) => p.slice(prefix.length))
    .filter((p) => p === "edih.yaml" || /^partners\/[^/]+\.ya?ml$/.test(p) || /^narrative\/.+\.md$/.test(p));
  if (!names.includes("edih.yaml")) throw new UsageError(`there is no ${prefix}edih.yaml at revision ${rev}`);
  const tmp = mkdtempSync(join(tmpdir(), "edih-diff-"));
  for (const name of names) writeFileAtomic(join(tmp, name), git(abs, ["show", `${rev}:${prefix}${name}`]));
  return { dir: tmp, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
