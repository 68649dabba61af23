#!/usr/bin/env node
// The shipped entry point runs compiled JavaScript (npm ci runs `prepare`, which builds): tsx is
// for development only and costs ~380 ms per start. It prefers the start-up bundle with its code
// cache (dist/startup, made by `npm run build`) and runs dist/src/main.js when the bundle is
// absent, older than dist/, or turned off with EDIH_BUNDLE=0.
import { fileURLToPath } from "node:url";
import { runBundle } from "../dist/src/startup/run-bundle.js";

if (!runBundle(fileURLToPath(new URL("..", import.meta.url)))) await import("../dist/src/main.js");
