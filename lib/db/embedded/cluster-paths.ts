import path from "node:path";

export type ClusterPaths = {
  dataDir: string;
  pgVersion: string;
  postmasterPid: string;
  password: string;
  owner: string;
};

// Files the launcher keeps next to PostgreSQL's own inside the data directory,
// so deleting the directory resets everything at once.
export function resolveClusterPaths(dataDir: string): ClusterPaths {
  const dir = path.resolve(dataDir);
  return {
    dataDir: dir,
    pgVersion: path.join(dir, "PG_VERSION"),
    postmasterPid: path.join(dir, "postmaster.pid"),
    password: path.join(dir, "embedded-password"),
    owner: path.join(dir, "embedded-owner.pid"),
  };
}
