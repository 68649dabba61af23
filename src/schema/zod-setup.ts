// The CLI checks its input once and exits. zod's JIT compiles a function with `new Function` for
// each object schema on its first parse: ~25 ms of a ~300 ms cold validate, for parses that then
// run once (in a watch session it saves ~0.6 ms a check). So the CLI turns it off, before any
// schema exists: zod reads the setting when a schema is made. Library callers keep zod's default.
import { z } from "zod";

z.config({ jitless: true });
