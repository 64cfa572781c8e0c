import { closeSync, openSync } from "node:fs";
import path from "node:path";
import { startChildProcess, type ChildServer } from "./start-child-process";
import { ROOT } from "./paths";
import { waitForHttp } from "./wait-for-http";

export type BaselineServer = ChildServer & { url: string };

/** Starts bench/support/baseline-server.ts as a process of its own and waits until it answers. */
export async function startBaselineServer(options: {
  port: number;
  databaseUrl: string;
  poolMax: number;
  logFile: string;
}): Promise<BaselineServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const log = openSync(options.logFile, "a");
  const child = startChildProcess({
    command: process.execPath,
    // `node --import tsx`, not the tsx CLI: one process, no wrapper.
    args: ["--import", "tsx", path.join(ROOT, "bench", "support", "baseline-server.ts")],
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      BASELINE_DATABASE_URL: options.databaseUrl,
      BASELINE_PORT: String(options.port),
      BASELINE_POOL_MAX: String(options.poolMax),
    },
    stdout: log,
    logFile: options.logFile,
  });
  closeSync(log);
  try {
    await waitForHttp({ url: `${url}/health`, child, timeoutMs: 30_000 });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { ...child, url };
}
