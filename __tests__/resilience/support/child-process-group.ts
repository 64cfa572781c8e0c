import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { ROOT } from "./paths";

export type ProcessGroup = {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  running(): boolean;
  /** Sends `signal` to the whole group and waits (at most `graceMs`) for the leader to exit. */
  signal(signal: NodeJS.Signals, graceMs?: number): Promise<boolean>;
};

/**
 * Spawns a command as the leader of its own process group (detached), output
 * appended to `logFile`, so a signal reaches it and everything it forked
 * (`npm run worker` is npm → sh → tsx → node). Should the test process die,
 * the group is killed with it.
 */
export function spawnProcessGroup(options: { command: string; args: string[]; env: NodeJS.ProcessEnv; logFile: string }): ProcessGroup {
  const out = openSync(options.logFile, "a");
  const child = spawn(options.command, options.args, { cwd: ROOT, env: options.env, detached: true, stdio: ["ignore", out, out] });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => sendToGroup(child, "SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    exited,
    running,
    async signal(signal, graceMs = 15_000) {
      // Sent even when the leader has gone: what it forked may still be running.
      sendToGroup(child, signal);
      if (!running()) return true;
      return Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref())]);
    },
  };
}

function sendToGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function tailOf(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
