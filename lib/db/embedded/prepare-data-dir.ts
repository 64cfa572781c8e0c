import fs from "node:fs/promises";
import path from "node:path";
import type { ServerIdentity } from "./resolve-server-identity";

// A folder the server user cannot traverse (a mode-700 root folder such as
// one from mkdtemp) makes initdb fail with a bare "Permission denied"; name it.
async function assertReachable(dataDir: string, identity: ServerIdentity): Promise<void> {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    const bit = stat.uid === identity.uid ? 0o100 : stat.gid === identity.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) {
      throw new Error(
        `The postgres user (uid ${identity.uid}) cannot reach ${dataDir}: ${dir} is mode ` +
          `${(stat.mode & 0o777).toString(8)}. Choose a data directory outside it, or chmod o+x it.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * Creates the data directory with the mode PostgreSQL insists on (0700) and,
 * as root, hands it to the server's user.
 */
export async function prepareDataDir(options: {
  dataDir: string;
  identity: ServerIdentity | undefined;
}): Promise<void> {
  const { dataDir, identity } = options;
  // Parents get the usual mode; with `recursive` the 0700 would apply to them
  // too and lock the server's user out of its own directory.
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  if (identity) {
    await assertReachable(dataDir, identity);
    await fs.chown(dataDir, identity.uid, identity.gid);
  }
  await fs.chmod(dataDir, 0o700);
}
