#!/usr/bin/env node
// The shipped entry point runs compiled JavaScript (npm ci runs `prepare`, which compiles):
// tsx is for development only and costs ~380 ms per start.
import "../dist/src/main.js";
