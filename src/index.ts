/**
 * edih as a library: everything the CLI does, without the CLI.
 *   load → schema → check (validateProject) → model → render → write (buildPackage)
 * Importing this module stays light: Handlebars, docx, Typst and pdf-lib load only when a build
 * or a render runs (or from the "edih/render", "edih/docx", "edih/pdf" entry points).
 */
export * from "./diagnostics.js";
export type * from "./schema/index.js";
export { Application as ApplicationSchema } from "./schema/application.js";
export { loadProject, type LoadedProject, type SourceFile, type SourceMap } from "./load/index.js";
export { parseApplication } from "./schema/diagnose.js";
export { validateProject, type Stage, type ValidateOptions, type ValidateResult } from "./validate/index.js";
export { checkApplication, effectiveRules } from "./calls/check.js";
export { RULES, RULES_BY_ID } from "./rules/index.js";
export { loadCallPack, listCallPacks, type CallPack } from "./calls/index.js";
export { buildContext, documentInputs, type DocumentContext } from "./model/index.js";
export { buildPackage, type BuildOptions, type BuildReport } from "./package/build.js";
export { formatJson, formatText } from "./report/index.js";
export { diffApplications } from "./workflow/diff.js";
export { applicationJsonSchema, partnerJsonSchema } from "./workflow/json-schema.js";
export { toolVersion } from "./domain/install.js";
