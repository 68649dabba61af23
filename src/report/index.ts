export { formatText, formatJson, type FormatOptions, type JsonReport } from "./format.js";
export { shouldColor } from "./color.js";
export { displayPath } from "./paths.js";
