export * from "./types.js";
export { loadCallPack, listCallPacks, type LoadCallPackOptions, type LoadCallPackResult } from "./load.js";
