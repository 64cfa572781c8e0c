import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ClusterPaths } from "./cluster-paths";
import type { ServerIdentity } from "./resolve-server-identity";
import { runProcess } from "./run-process";

async function readPassword(file: string, dataDir: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster this launcher did not create (no ${path.basename(file)}). ` +
        "Delete the directory to start afresh, or point the data directory elsewhere.",
    );
  }
}

/**
 * Runs initdb on first use and returns the superuser password, which is
 * random per cluster and kept (mode 600) inside the data directory: the server
 * is reachable by every local user on 127.0.0.1, and dev data is still data.
 */
export async function initialiseCluster(options: {
  paths: ClusterPaths;
  initdb: string;
  identity: ServerIdentity | undefined;
  log: (message: string) => void;
}): Promise<string> {
  const { paths, identity } = options;
  const initialised = await fs.stat(paths.pgVersion).then(() => true, () => false);
  if (initialised) return readPassword(paths.password, paths.dataDir);

  const password = randomBytes(18).toString("hex");
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "pg-init-"));
  const pwfile = path.join(scratch, "pw");
  try {
    await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (identity) {
      await fs.chown(scratch, identity.uid, identity.gid);
      await fs.chown(pwfile, identity.uid, identity.gid);
    }
    options.log(`initialising a new PostgreSQL cluster in ${paths.dataDir}`);
    await runProcess({
      command: options.initdb,
      // --no-sync: a dev cluster lost to an OS crash right after initdb is
      // recreated by deleting it; the fsync costs most of initdb's time.
      // The builtin C.UTF-8 provider sorts and case-maps the same on every OS.
      args: [
        `--pgdata=${paths.dataDir}`,
        "--username=postgres",
        "--auth=scram-sha-256",
        `--pwfile=${pwfile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-sync",
        "--no-instructions",
      ],
      identity,
      log: options.log,
    });
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  await fs.writeFile(paths.password, `${password}\n`, { mode: 0o600 });
  return password;
}
