import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DIST_DIR, NEXT_BIN, ROOT } from "./paths";

// What a production build depends on. lib/db/generated is left out: it is
// derived from prisma/schema.prisma, which is in.
const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
const SKIP = new Set([path.join("lib", "db", "generated")]);
const STAMP = path.join(ROOT, DIST_DIR, "bench-source-hash");
// `next build` rewrites these for whatever distDir it builds into; the
// benchmark's build must not leave the repository (or the e2e suite's
// next-env.d.ts, which points at .next) changed.
const REWRITTEN_BY_NEXT = ["tsconfig.json", "next-env.d.ts"];

function listFiles(relative: string): string[] {
  const absolute = path.join(ROOT, relative);
  if (!existsSync(absolute) || SKIP.has(relative)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute)
    .sort()
    .flatMap((entry) => listFiles(path.join(relative, entry)));
}

/** A content hash of every build input: unlike mtimes, it survives a fresh checkout. */
export function hashSources(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles)) {
    hash.update(`${file}\u0000`).update(readFileSync(path.join(ROOT, file))).update("\u0000");
  }
  return hash.digest("hex");
}

export type BuildOutcome = { built: boolean; seconds: number; sourceHash: string };

/** Builds into .next-bench unless a build of exactly these sources is already there. */
export async function ensureBenchBuild(options: { log: (message: string) => void; logFile: string }): Promise<BuildOutcome> {
  const sourceHash = hashSources();
  const upToDate = existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash;
  if (upToDate) {
    options.log(`production build in ${DIST_DIR} is up to date (sources ${sourceHash.slice(0, 12)})`);
    return { built: false, seconds: 0, sourceHash };
  }
  options.log(`building into ${DIST_DIR} (log: ${path.relative(ROOT, options.logFile)})…`);
  const started = performance.now();
  const saved = REWRITTEN_BY_NEXT.map((file) => ({ file, content: readIfExists(path.join(ROOT, file)) }));
  try {
    await runBuild(options.logFile);
  } finally {
    for (const { file, content } of saved) {
      if (content !== undefined) writeFileSync(path.join(ROOT, file), content);
    }
  }
  writeFileSync(STAMP, sourceHash);
  const seconds = (performance.now() - started) / 1000;
  options.log(`built in ${seconds.toFixed(0)} s`);
  return { built: true, seconds, sourceHash };
}

function readIfExists(file: string): Buffer | undefined {
  return existsSync(file) ? readFileSync(file) : undefined;
}

async function runBuild(logFile: string): Promise<void> {
  const out = openSync(logFile, "w");
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
  if (code !== 0) {
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`next build failed (exit code ${code}):\n${tail}`);
  }
}
