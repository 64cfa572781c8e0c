import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { startScriptCommand } from "../../support/start-script-command";
import { ROOT } from "./paths";

export type AppServer = { url: string; stop(): Promise<void> };

const START_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Negative pid: the whole process group, i.e. the server and any
    // process it forked (it was spawned detached, as a group leader).
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/**
 * `npm start` (scripts/start.ts: the production server from `next build`
 * behind our own HTTP server, after its pre-flight checks) as a child process,
 * its output appended to `logFile`. Resolves once GET /api/health answers 200,
 * which means the server is up and reaches its database.
 */
export async function startAppServer(options: { port: number; env: NodeJS.ProcessEnv; logFile: string }): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const log = openSync(options.logFile, "a");
  const start = startScriptCommand({ hostname: "127.0.0.1", port: options.port });
  const child = spawn(start.command, start.args, {
    cwd: ROOT,
    env: options.env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Should the test runner itself die, take the server down with it.
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);

  const stop = async () => {
    process.off("exit", onExit);
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, "SIGTERM");
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_GRACE_MS).unref()),
      ]);
      if (timedOut) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    }
    killGroup(child, "SIGKILL");
  };

  try {
    await waitForHealth({ url, child, logFile: options.logFile });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitForHealth(options: { url: string; child: ChildProcess; logFile: string }): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = "no answer yet";
  // 503 means "database not reachable yet"; a 500 that persists means the app
  // itself is broken (say, instrumentation.ts rejected the environment), and
  // the server keeps running regardless, so stop waiting.
  let failingSince: number | undefined;
  while (Date.now() < deadline) {
    if (options.child.exitCode !== null || options.child.signalCode !== null) {
      throw new Error(`npm start exited (${options.child.exitCode ?? options.child.signalCode}) before it was healthy:\n${tail(options.logFile)}`);
    }
    try {
      const response = await fetch(`${options.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
      failingSince = response.status === 500 ? (failingSince ?? Date.now()) : undefined;
      if (failingSince !== undefined && Date.now() - failingSince > 5000) break;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm start did not become healthy (${last}):\n${tail(options.logFile)}`);
}
