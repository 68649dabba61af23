export { loadProject, MAIN_FILE, PARTNERS_DIR, USAGE_RULE_IDS } from "./project.js";
export type { LoadedProject, LoadOptions, LoadResult, SourceFile } from "./project.js";
export type { SourceMap } from "./source-map.js";
export { MAX_FILE_BYTES } from "./read-file.js";
