export * from "./types.js";
export { loadCallPack, listCallPacks, type LoadCallPackOptions } from "./load.js";
