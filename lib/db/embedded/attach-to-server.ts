import fs from "node:fs/promises";
import type { ClusterPaths } from "./cluster-paths";
import type { RunningServer } from "./find-running-server";
import { inspectProcess } from "./inspect-process";
import { probePostmaster } from "./probe-postmaster";
import { registerShutdownHooks } from "./register-shutdown-hooks";
import { stopPostgresServer } from "./stop-postgres-server";

export type EmbeddedPostgres = { serverUrl: string; stop(): Promise<void> };

async function readOwner(file: string): Promise<number | undefined> {
  const pid = Number.parseInt(await fs.readFile(file, "utf8").catch(() => ""), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Takes over a server found running on the data directory. If the Node
 * process that started it still lives (say `npm run dev` while `npm run
 * worker` starts), the server is shared and stop() leaves it to that owner.
 * If the owner is gone (it was SIGKILLed), the server is an orphan: we adopt
 * it and stop() stops it, or nothing ever would.
 */
export async function attachToServer(options: {
  paths: ClusterPaths;
  server: RunningServer;
  port: number;
  log: (message: string) => void;
}): Promise<EmbeddedPostgres> {
  const { paths, server, log } = options;
  if (server.port !== options.port) {
    throw new Error(
      `PostgreSQL for ${paths.dataDir} already runs on port ${server.port} (pid ${server.pid}), not ` +
        `${options.port}. Use port ${server.port}, or stop it with \`kill -INT ${server.pid}\`.`,
    );
  }
  const owner = await readOwner(paths.owner);
  if (owner !== undefined && owner !== process.pid && (await inspectProcess({ pid: owner })).alive) {
    log(`reusing PostgreSQL pid ${server.pid}, started by process ${owner}, which will stop it`);
    return { serverUrl: server.serverUrl, stop: async () => undefined };
  }
  log(`adopting PostgreSQL pid ${server.pid} left running by an earlier process`);
  await fs.writeFile(paths.owner, String(process.pid));
  const stop = async () => {
    unregister();
    // The lock file names the postmaster until it exits; only stop our own.
    if ((await probePostmaster({ pid: server.pid, dataDir: paths.dataDir })) !== "ours") return;
    await stopPostgresServer({ pid: server.pid });
    await fs.rm(paths.owner, { force: true });
  };
  const unregister = registerShutdownHooks({ pid: server.pid, stop });
  return { serverUrl: server.serverUrl, stop };
}
