import { spawn } from "node:child_process";
import { existsSync, openSync, closeSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DIST_DIR, NEXT_BIN, ROOT, logFile } from "./paths";

// What the production build is made from. tsconfig.json is left out on
// purpose: `next build` itself rewrites it (see restoreConfigFiles).
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"];

function newestSourceMtime(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, child) => Math.max(newest, newestSourceMtime(path.join(entry, child))), stat.mtimeMs);
}

// When the build in DIST_DIR was started: a source saved while `next build`
// ran may or may not be in it, so sources are compared with the start.
const STARTED_MARKER = path.join(ROOT, DIST_DIR, "resilience-build-started");

/** Whether the build in DIST_DIR was started after every source it is made from was last changed. */
export function buildIsCurrent(): boolean {
  if (!existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")) || !existsSync(STARTED_MARKER)) return false;
  const started = Number(readFileSync(STARTED_MARKER, "utf8"));
  return SOURCES.every((source) => newestSourceMtime(source) < started);
}

// `next build` with a custom distDir adds "<distDir>/types/**/*.ts" to
// tsconfig.json's include list and points next-env.d.ts at its folder. This
// suite must leave files it does not own untouched, so a change that consists
// of exactly that is undone; anything else is left alone.
function restoreConfigFiles(before: { tsconfig: string; nextEnv: string | undefined }, log: (message: string) => void): void {
  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const after = readFileSync(tsconfigPath, "utf8");
  if (after !== before.tsconfig) {
    const parsed = JSON.parse(after) as { include?: string[] };
    parsed.include = parsed.include?.filter((entry) => !entry.startsWith(`${DIST_DIR}/`));
    if (JSON.stringify(parsed) === JSON.stringify(JSON.parse(before.tsconfig))) {
      writeFileSync(tsconfigPath, before.tsconfig);
      log(`restored tsconfig.json (next build had added ${DIST_DIR} type paths)`);
    }
  }
  const nextEnvPath = path.join(ROOT, "next-env.d.ts");
  if (before.nextEnv === undefined || !existsSync(nextEnvPath)) return;
  const distFolders = /\.\/\.next[\w-]*\//g;
  const current = readFileSync(nextEnvPath, "utf8");
  if (current !== before.nextEnv && current.replace(distFolders, "") === before.nextEnv.replace(distFolders, "")) {
    writeFileSync(nextEnvPath, before.nextEnv);
  }
}

/**
 * Builds the app into DIST_DIR unless a build newer than every source file is
 * already there (RESILIENCE_REBUILD=1 forces one). Returns whether it built.
 */
export async function ensureBuild(options: { log: (message: string) => void }): Promise<{ built: boolean; seconds: number }> {
  if (process.env.RESILIENCE_REBUILD !== "1" && buildIsCurrent()) {
    options.log(`using the up-to-date production build in ${DIST_DIR}`);
    return { built: false, seconds: 0 };
  }
  options.log(`building the app into ${DIST_DIR} (log: ${logFile("build")})`);
  const started = Date.now();
  const before = {
    tsconfig: readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"),
    nextEnv: existsSync(path.join(ROOT, "next-env.d.ts")) ? readFileSync(path.join(ROOT, "next-env.d.ts"), "utf8") : undefined,
  };
  const out = openSync(logFile("build"), "w");
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR },
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  restoreConfigFiles(before, options.log);
  if (code !== 0) {
    const tail = readFileSync(logFile("build"), "utf8").split("\n").slice(-40).join("\n");
    throw new Error(`next build failed (exit code ${code}):\n${tail}`);
  }
  writeFileSync(STARTED_MARKER, String(started));
  return { built: true, seconds: Math.round((Date.now() - started) / 1000) };
}
