import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";

const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");

/**
 * `npm run test:e2e` builds before Playwright starts, so the suite always tests
 * the current code. Run as `npx playwright test` with no production build at
 * all (a dev server's .next/dev does not count), this builds one; an existing
 * build is used as it is, and its age is logged.
 */
export async function ensureProductionBuild(options: { log: (message: string) => void }): Promise<void> {
  if (existsSync(BUILD_ID)) {
    const minutes = Math.round((Date.now() - statSync(BUILD_ID).mtimeMs) / 60_000);
    options.log(`using the production build in .next (built ${minutes} min ago)`);
    return;
  }
  options.log("no production build in .next: running next build");
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}
