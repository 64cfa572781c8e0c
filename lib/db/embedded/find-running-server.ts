import fs from "node:fs/promises";
import { buildServerUrl } from "./build-server-url";
import type { ClusterPaths } from "./cluster-paths";
import { probePostmaster } from "./probe-postmaster";
import { readPostmasterPid } from "./read-postmaster-pid";
import { waitForServer } from "./wait-for-server";

export type RunningServer = { pid: number; port: number; serverUrl: string };

/**
 * Looks for a server already running on this data directory, typically left
 * behind when the Node process that started it was SIGKILLed (the server
 * survives its parent).
 *
 * A stale postmaster.pid whose process has exited is left for PostgreSQL: it
 * replaces it itself after checking that no orphaned backend still uses the
 * old shared memory, a check that deleting the file would defeat. One whose
 * pid now belongs to another program (pids restart from 1 in containers) is
 * removed, because PostgreSQL would refuse to start over it.
 */
export async function findRunningServer(options: {
  paths: ClusterPaths;
  log: (message: string) => void;
}): Promise<RunningServer | undefined> {
  const { paths, log } = options;
  const lock = await readPostmasterPid({ file: paths.postmasterPid });
  if (!lock) return undefined;
  const state = await probePostmaster({ pid: lock.pid, dataDir: paths.dataDir });
  if (state === "gone") {
    log(`postmaster.pid is stale (pid ${lock.pid} has exited); PostgreSQL will replace it`);
    return undefined;
  }
  if (state === "foreign") {
    log(`removing stale postmaster.pid (pid ${lock.pid} now belongs to another program)`);
    await fs.rm(paths.postmasterPid, { force: true });
    return undefined;
  }
  const password = (await fs.readFile(paths.password, "utf8")).trim();
  const serverUrl = buildServerUrl({ password, port: lock.port });
  const outcome = await waitForServer({ serverUrl, pid: lock.pid, dataDir: paths.dataDir });
  // "gone": it shut down while we waited, removing its own lock file.
  return outcome === "ready" ? { pid: lock.pid, port: lock.port, serverUrl } : undefined;
}
