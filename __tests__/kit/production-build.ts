import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// The one "is the production build current?" rule of the end-to-end suite,
// the resilience suite and the benchmark: a content hash of every build input,
// stamped into the build folder when a build succeeds. Unlike file times it
// survives a fresh checkout and a `git switch` back and forth; unlike "a
// BUILD_ID exists" it never tests yesterday's code. Each suite builds into its
// own folder, so they never disturb each other's build.

export const ROOT = path.resolve(__dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

// lib/db/generated is left out: it is derived from prisma/schema.prisma.
const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
const SKIP = new Set([path.join("lib", "db", "generated")]);
const STAMP_FILE = "source-hash";
// `next build` rewrites these for whatever distDir it builds into (adds type
// paths, points next-env.d.ts at its folder); a suite's build must leave the
// repository as it found it.
const REWRITTEN_BY_NEXT = ["tsconfig.json", "next-env.d.ts"];

function listFiles(relative: string): string[] {
  const absolute = path.join(ROOT, relative);
  if (!existsSync(absolute) || SKIP.has(relative)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute)
    .sort()
    .flatMap((entry) => listFiles(path.join(relative, entry)));
}

/** A content hash of every build input. */
export function hashBuildSources(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles)) {
    hash.update(`${file}\u0000`).update(readFileSync(path.join(ROOT, file))).update("\u0000");
  }
  return hash.digest("hex");
}

export type BuildOutcome = { built: boolean; seconds: number; sourceHash: string };

/**
 * Builds into `distDir` (".next" is what `npm start` serves) unless a build of
 * exactly these sources is already there; `force` builds anyway. The build's
 * output goes to `logFile` when given, else to this process's output.
 */
export async function ensureProductionBuild(options: { distDir: string; log: (message: string) => void; logFile?: string; force?: boolean }): Promise<BuildOutcome> {
  const sourceHash = hashBuildSources();
  const stamp = path.join(ROOT, options.distDir, STAMP_FILE);
  const upToDate = existsSync(path.join(ROOT, options.distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash;
  if (upToDate && !options.force) {
    options.log(`the production build in ${options.distDir} is of the current sources (${sourceHash.slice(0, 12)})`);
    return { built: false, seconds: 0, sourceHash };
  }
  options.log(`building into ${options.distDir}${options.logFile ? ` (log: ${path.relative(ROOT, options.logFile)})` : ""}…`);
  const started = performance.now();
  const saved = REWRITTEN_BY_NEXT.map((file) => ({ file, content: readIfExists(path.join(ROOT, file)) }));
  try {
    await runBuild(options.distDir, options.logFile);
  } finally {
    for (const { file, content } of saved) {
      if (content !== undefined) writeFileSync(path.join(ROOT, file), content);
    }
  }
  writeFileSync(stamp, sourceHash);
  const seconds = (performance.now() - started) / 1000;
  options.log(`built in ${seconds.toFixed(0)} s`);
  return { built: true, seconds, sourceHash };
}

function readIfExists(file: string): Buffer | undefined {
  return existsSync(file) ? readFileSync(file) : undefined;
}

async function runBuild(distDir: string, logFile: string | undefined): Promise<void> {
  const out = logFile === undefined ? undefined : openSync(logFile, "w");
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
    stdio: out === undefined ? "inherit" : ["ignore", out, out],
  });
  if (out !== undefined) closeSync(out);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    const tail = logFile === undefined ? "" : `:\n${readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n")}`;
    throw new Error(`next build failed (exit code ${code})${tail}`);
  }
}
