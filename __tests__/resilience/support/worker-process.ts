import { readFileSync } from "node:fs";
import { logFile } from "./paths";
import { spawnProcessGroup, tailOf } from "./child-process-group";
import { waitFor } from "./wait";

export type WorkerProcess = {
  readonly name: string;
  readonly logFile: string;
  running(): boolean;
  stop(): Promise<void>;
};

/** `npm run worker` (the standalone outbox worker), started and waited for until it says it runs. */
export async function startWorkerProcess(options: { name: string; env: NodeJS.ProcessEnv }): Promise<WorkerProcess> {
  const log = logFile(options.name);
  const group = spawnProcessGroup({ command: "npm", args: ["run", "--silent", "worker"], env: options.env, logFile: log });
  const worker: WorkerProcess = {
    name: options.name,
    logFile: log,
    running: () => group.running(),
    async stop() {
      if (!(await group.signal("SIGTERM"))) await group.signal("SIGKILL");
      await group.signal("SIGKILL");
    },
  };
  try {
    await waitFor({
      what: `${options.name} to start (log: ${log})`,
      timeoutMs: 120_000,
      intervalMs: 250,
      check: () => {
        if (!group.running()) throw new Error(`${options.name} exited before it started:\n${tailOf(log)}`);
        // "[worker] outbox worker running", or "… outbox worker and triage jobs running".
        return /\[worker\] outbox worker\b.* running/.test(readFileSync(log, "utf8")) ? true : undefined;
      },
    });
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}
