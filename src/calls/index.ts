export * from "../schema/call-pack.js";
export { loadCallPack, listCallPacks, type LoadCallPackOptions, type LoadCallPackResult } from "./load.js";
