/**
 * How a template file splits into its front matter and its body: one home, because the renderer
 * compiles the body and the build step (scripts/build-startup.ts) compiles the very same strings
 * ahead of time (render/precompiled.ts).
 */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface TemplateParts {
  /** The YAML between the `---` lines, when there are. */
  frontMatter?: string;
  /** The body as a document renders it: front matter lines left blank, so line numbers are the file's. */
  documentBody: string;
  /** The body alone, for the Markdown-only renderer (slot inventory). */
  markdownBody: string;
}

export function templateParts(text: string): TemplateParts {
  const fm = FRONT_MATTER.exec(text);
  if (!fm) return { documentBody: text, markdownBody: text };
  const rest = text.slice(fm[0].length);
  return { frontMatter: fm[1]!, documentBody: "\n".repeat(fm[0].split(/\r?\n/).length - (fm[0].endsWith("\n") ? 1 : 0)) + rest, markdownBody: rest };
}
