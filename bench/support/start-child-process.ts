import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export type ChildServer = {
  readonly pid: number;
  /** Exit code or signal once the process has ended, else undefined. */
  exitStatus(): string | undefined;
  /** The last lines of the process's log. */
  tail(lines?: number): string;
  stop(): Promise<void>;
};

const STOP_GRACE_MS = 10_000;

/**
 * A server process in a process group of its own (detached), so stop() ends it
 * together with anything it forked, by signalling the group: SIGTERM, then
 * SIGKILL after a grace period. Should the benchmark die first, the group is
 * killed as the benchmark exits.
 */
export function startChildProcess(options: {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: number;
  logFile: string;
}): ChildServer {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", options.stdout, options.stdout],
  });
  if (child.pid === undefined) throw new Error(`could not start ${options.command}`);
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);

  const exitStatus = () => {
    if (child.exitCode !== null) return `exit code ${child.exitCode}`;
    return child.signalCode ?? undefined;
  };
  return {
    pid,
    exitStatus,
    tail: (lines = 30) => {
      try {
        return readFileSync(options.logFile, "utf8").split("\n").slice(-lines).join("\n");
      } catch {
        return "(no log)";
      }
    },
    async stop() {
      process.off("exit", onExit);
      if (exitStatus() === undefined) {
        killGroup("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      }
      killGroup("SIGKILL");
    },
  };
}
