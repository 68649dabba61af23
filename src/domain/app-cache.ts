import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The application's own cache folder, `.edih/cache/`, or undefined when the application has no
 * `.edih/` (`edih init` makes it): edih then keeps nothing between runs. What is kept there is
 * checked before use and only ever saves work.
 */
export function appCacheDir(appDir: string): string | undefined {
  return existsSync(join(appDir, ".edih")) ? join(appDir, ".edih", "cache") : undefined;
}
