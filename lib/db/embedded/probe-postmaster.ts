import { inspectProcess } from "./inspect-process";

export type PostmasterState = "gone" | "foreign" | "ours";

/**
 * Tells whether `pid` is still the postmaster of `dataDir`. In containers pids
 * restart from 1, so after a crash the pid in a stale postmaster.pid often
 * belongs to an unrelated process; the postmaster keeps its original command
 * line (`postgres -D <dir> …`), which identifies it.
 */
export async function probePostmaster(options: { pid: number; dataDir: string }): Promise<PostmasterState> {
  const info = await inspectProcess({ pid: options.pid });
  if (!info.alive) return "gone";
  return info.args.includes(`-D ${options.dataDir} `) ? "ours" : "foreign";
}
