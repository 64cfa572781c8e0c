import { closeSync, openSync } from "node:fs";
import { startChildProcess, type ChildServer } from "./start-child-process";
import { startScriptCommand } from "../../__tests__/support/start-script-command";
import { DIST_DIR, ROOT } from "./paths";
import { waitForHttp } from "./wait-for-http";

export type NextServer = ChildServer & { url: string };

/**
 * `npm start` (scripts/start.ts: pre-flight checks, then our HTTP server in
 * front of Next) from the benchmark's build folder on a loopback `hostname`, its
 * output appended to `logFile`, resolved once GET /api/health answers 200 (the
 * server is up and reaches its database).
 */
export async function startNextServer(options: {
  hostname: "localhost" | "127.0.0.1";
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Options for node itself (some, like --cpu-prof, are refused in NODE_OPTIONS). */
  nodeArgs?: string[];
}): Promise<NextServer> {
  const url = `http://${options.hostname}:${options.port}`;
  const log = openSync(options.logFile, "a");
  const start = startScriptCommand({ hostname: options.hostname, port: options.port, nodeArgs: options.nodeArgs });
  const child = startChildProcess({
    command: start.command,
    args: start.args,
    cwd: ROOT,
    env: { ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR },
    stdout: log,
    logFile: options.logFile,
  });
  closeSync(log);
  try {
    await waitForHttp({ url: `${url}/api/health`, child, timeoutMs: 90_000 });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { ...child, url };
}
