import { startScriptCommand } from "../../support/start-script-command";
import { logFile } from "./paths";
import { spawnProcessGroup, tailOf, type ProcessGroup } from "./child-process-group";
import { sleep } from "./wait";

const START_TIMEOUT_MS = 120_000;

// "localhost" (loopback), as the end-to-end suite uses. Bound to an IP address
// (-H 127.0.0.1), Next.js 16 treated the proxy's absolute locale rewrite as a
// foreign server and every English page answered 308 to itself; the name
// keeps the suite independent of where locale routing lives.
export const APP_HOSTNAME = "localhost";

export type AppProcess = {
  readonly name: string;
  readonly url: string;
  readonly logFile: string;
  /** Process id of the current `npm start`, or undefined while it is down. */
  pid(): number | undefined;
  running(): boolean;
  /** How many times it was (re)started. */
  starts(): number;
  start(): Promise<void>;
  /** Kills it without warning (SIGKILL to its process group) and waits until it is gone. */
  crash(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The production server (`npm start`, i.e. scripts/start.ts, serving the
 * DIST_DIR build after its pre-flight checks) on loopback,
 * started in its own process group so a test can SIGKILL it and start it
 * again on the same port with the same environment.
 */
export async function startAppProcess(options: { name: string; port: number; env: NodeJS.ProcessEnv }): Promise<AppProcess> {
  const url = `http://${APP_HOSTNAME}:${options.port}`;
  const log = logFile(options.name);
  let group: ProcessGroup | undefined;
  let starts = 0;

  const start = async () => {
    const command = startScriptCommand({ hostname: APP_HOSTNAME, port: options.port });
    group = spawnProcessGroup({
      command: command.command,
      args: command.args,
      env: options.env,
      logFile: log,
    });
    starts += 1;
    await waitForHealth(url, group, log);
  };
  const app: AppProcess = {
    name: options.name,
    url,
    logFile: log,
    pid: () => (group?.running() ? group.child.pid : undefined),
    running: () => group?.running() ?? false,
    starts: () => starts,
    start,
    async crash() {
      await group?.signal("SIGKILL");
    },
    async stop() {
      // SIGTERM first: the in-process outbox worker finishes or releases its claims.
      if (group && !(await group.signal("SIGTERM"))) await group.signal("SIGKILL");
      await group?.signal("SIGKILL");
    },
  };
  await start();
  return app;
}

async function waitForHealth(url: string, group: ProcessGroup, log: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (!group.running()) throw new Error(`npm start exited before it was healthy:\n${tailOf(log)}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  await group.signal("SIGKILL");
  throw new Error(`npm start did not become healthy in ${START_TIMEOUT_MS} ms (${last}):\n${tailOf(log)}`);
}
