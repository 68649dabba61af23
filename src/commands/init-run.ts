// `edih init`: checks the folder, asks (or reads flags), writes. Nothing is written before every
// answer is known, so an interrupted or refused run leaves the folder as it was.
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { EXIT, UsageError } from "../errors.js";
import { fromCwd, isInteractive, type CommandIO } from "../workflow/io.js";
import { Asker } from "../workflow/ask.js";
import { bundledExamples, closingText, copyExample, existingApplicationFiles, nextSteps, writeNewProject } from "../workflow/init.js";
import { askInit, type InitFlags } from "../workflow/questions.js";

/** `dir` as typed (in messages); files are read and written at `dir` resolved against io.cwd. */
export async function runInit(dir: string, opts: InitFlags & { example?: string; yes?: boolean }, io: CommandIO): Promise<number> {
  const root = fromCwd(io, dir);
  refuseFileInPath(root, dir);
  const existing = existingApplicationFiles(root);
  if (existing.length > 0) {
    throw new UsageError(`${dir} already holds an application (${existing.slice(0, 3).join(", ")}${existing.length > 3 ? ", ..." : ""}); nothing was changed`,
      "choose a new folder, or edit this one (`edih partners add`, your editor)");
  }
  if (opts.example !== undefined) {
    const examples = bundledExamples();
    if (!examples.includes(opts.example)) throw new UsageError(`no bundled example "${opts.example}"; there is: ${examples.join(", ")}`);
    if (existsSync(join(root, ".edih"))) throw new UsageError(`${dir}/.edih exists already; nothing was changed`);
    const written = copyExample(opts.example, root);
    report(io, dir, written);
    return EXIT.ok;
  }
  const ask = new Asker({ interactive: isInteractive(io), yes: !!opts.yes, io });
  const answers = await askInit(ask, opts, root);
  ask.assertComplete("init");
  const written = writeNewProject(root, answers);
  // A skeleton cannot be valid without the consultant's content: say exactly what validate will ask for.
  let closing: string;
  try {
    closing = closingText(dir, await nextSteps(root, answers, dir));
  } catch (e) {
    // The application is written; a failing check must not make that look like a failure.
    closing = `(could not check the new application: ${e instanceof Error ? e.message : String(e)}; run edih apply validate)\n`;
  }
  report(io, dir, written, closing);
  return EXIT.ok;
}

function report(io: CommandIO, dir: string, written: string[], closing = ""): void {
  io.stdout.write(`Created the application in ${dir}:\n${written.map((f) => `  ${f}\n`).join("")}` + closing +
    `Next: edih partners list ${dir}   ·   edih apply validate ${dir}\n`);
}

/** The folder argument names a file, or lies under one: a wrong argument (exit 2), said before any question. */
function refuseFileInPath(root: string, dir: string): void {
  for (let p = root; ; p = dirname(p)) {
    const st = statOrUndefined(p);
    if (st && !st.isDirectory()) {
      throw new UsageError(p === root ? `${dir} is a file, not a folder; nothing was changed` : `${dir} lies under ${p}, which is a file; nothing was changed`,
        "give the path of a new or empty folder");
    }
    if (st || dirname(p) === p) return;
  }
}

function statOrUndefined(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch (err) {
    // Under a file: the file is found further up.
    if ((err as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw err;
  }
}
