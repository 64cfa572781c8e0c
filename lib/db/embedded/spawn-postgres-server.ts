import { spawn } from "node:child_process";
import type { ServerIdentity } from "./resolve-server-identity";

export type SpawnedServer = { pid: number; exited: Promise<void> };

// A dev and test database: small memory, loopback only, no unix socket (its
// default directory is not writable everywhere). synchronous_commit=off makes
// a commit ~10x cheaper (0.19 vs 2.4 ms measured); if PostgreSQL itself is
// killed (not merely its Node parent) the last ~0.6 s of commits are lost but
// the cluster stays consistent: the right trade for a disposable database.
// io_method=sync (PG 18) and no logical replication launcher save processes.
const SETTINGS = [
  "listen_addresses=127.0.0.1",
  "unix_socket_directories=",
  "shared_buffers=16MB",
  "max_connections=100",
  "synchronous_commit=off",
  "io_method=sync",
  "jit=off",
  "max_logical_replication_workers=0",
  "wal_level=minimal",
  "max_wal_senders=0",
  "max_wal_size=256MB",
  "lc_messages=C",
];

const READY = "database system is ready to accept connections";

/**
 * Starts `postgres` and resolves once it accepts connections. The server
 * stays in Node's process group, so a terminal's Ctrl-C reaches it too.
 */
export async function spawnPostgresServer(options: {
  postgres: string;
  dataDir: string;
  port: number;
  identity: ServerIdentity | undefined;
  log: (message: string) => void;
  timeoutMs?: number;
}): Promise<SpawnedServer> {
  const args = ["-D", options.dataDir, "-p", String(options.port), ...SETTINGS.flatMap((s) => ["-c", s])];
  const child = spawn(options.postgres, args, {
    ...options.identity,
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGQUIT");
      reject(new Error(`PostgreSQL did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited during start-up (${signal ?? `code ${code}`}):\n${output.trim().slice(-2000)}`));
    });
    // The listener stays for the server's life: an undrained pipe would
    // eventually block the server's logging.
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.log(text.trimEnd());
      if (output.includes(READY)) return;
      output += text;
      if (output.includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  if (child.pid === undefined) throw new Error("PostgreSQL started without a pid.");
  return { pid: child.pid, exited };
}
