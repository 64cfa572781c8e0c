import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { ensureDatabase } from "@/lib/db/embedded/ensure-database";
import { inspectProcess } from "@/lib/db/embedded/inspect-process";
import { PortInUseError } from "@/lib/db/embedded/port-in-use-error";
import { readPostmasterPid } from "@/lib/db/embedded/read-postmaster-pid";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded/start-embedded-postgres";

const ROOT = path.resolve(__dirname, "../../..");
let tmp: string;
const servers: EmbeddedPostgres[] = [];
const children: ChildProcess[] = [];

async function start(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, port });
  servers.push(server);
  return server;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// Below Linux's ephemeral range (32768+), which outgoing connections and
// other tests' listen(0) draw from, so a port found free here stays free.
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const server = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  const lock = await readPostmasterPid({ file: path.join(dataDir, "postmaster.pid") });
  if (!lock) throw new Error(`no postmaster.pid in ${dataDir}`);
  return lock.pid;
}

async function waitUntilGone(pid: number): Promise<void> {
  while ((await inspectProcess({ pid })).alive) await new Promise((r) => setTimeout(r, 20));
}

// A separate Node process that starts the server and then hangs, to be SIGKILLed.
async function startInChild(dataDir: string, port: number): Promise<ChildProcess> {
  const script = path.join(tmp, "start-child.ts");
  const modulePath = path.join(ROOT, "lib/db/embedded/start-embedded-postgres");
  await fs.writeFile(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(modulePath)};\n` +
      `startEmbeddedPostgres({ dataDir: process.argv[2] ?? "", port: Number(process.argv[3]) }).then(() => {\n` +
      `  process.stdout.write("ready\\n");\n  setInterval(() => undefined, 60_000);\n});\n`,
  );
  // `node --import tsx`, not the tsx CLI, which would run the script in a grandchild.
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  for await (const line of readline.createInterface({ input: child.stdout! })) if (line === "ready") break;
  return child;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "embedded-pg-"));
  // mkdtemp makes it 0700; as root the server runs as `postgres` and must get through.
  await fs.chmod(tmp, 0o755);
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  for (const server of servers) await server.stop();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it("initialises a fresh cluster that accepts queries, and ensureDatabase creates databases", async () => {
    const dataDir = path.join(tmp, "fresh");
    const server = await start(dataDir, await freePort());
    const [row] = await query<{ dir: string }>(server.serverUrl, "SELECT current_setting('data_directory') AS dir");
    expect(row?.dir).toBe(dataDir);

    const url = await ensureDatabase({ serverUrl: server.serverUrl, name: "app-dev" });
    expect(await ensureDatabase({ serverUrl: server.serverUrl, name: "app-dev" })).toBe(url);
    const [db] = await query<{ name: string }>(url, "SELECT current_database() AS name");
    expect(db?.name).toBe("app-dev");
    await server.stop();
  });

  it("keeps the data across stop and start", async () => {
    const dataDir = path.join(tmp, "restart");
    const port = await freePort();
    const first = await start(dataDir, port);
    await query(first.serverUrl, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    await expect(fs.stat(path.join(dataDir, "postmaster.pid"))).rejects.toThrow();

    const second = await start(dataDir, port);
    expect(second.serverUrl).toBe(first.serverUrl);
    expect(await query(second.serverUrl, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await second.stop();
  });

  it("shares a server whose starter lives, and adopts it once the starter was SIGKILLed", async () => {
    const dataDir = path.join(tmp, "orphan");
    const port = await freePort();
    const child = await startInChild(dataDir, port);
    const pid = await postmasterPid(dataDir);

    const shared = await start(dataDir, port);
    await query(shared.serverUrl, "CREATE TABLE made_before_kill (id int)");
    await shared.stop();
    expect((await inspectProcess({ pid })).alive).toBe(true);

    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect((await inspectProcess({ pid })).alive).toBe(true);

    const adopted = await start(dataDir, port);
    expect(await postmasterPid(dataDir)).toBe(pid);
    expect(await query(adopted.serverUrl, "SELECT count(*)::int AS n FROM made_before_kill")).toEqual([{ n: 0 }]);
    await adopted.stop();
    expect((await inspectProcess({ pid })).alive).toBe(false);
  });

  it("starts over a stale postmaster.pid, whether its process is gone or now another program", async () => {
    const dataDir = path.join(tmp, "stale");
    const port = await freePort();
    const first = await start(dataDir, port);
    // The server runs with synchronous_commit=off; this commit must be on disk
    // before the crash to be expected after it.
    await query(first.serverUrl, "SET synchronous_commit = on; CREATE TABLE survived (id int)");
    const pid = await postmasterPid(dataDir);
    process.kill(pid, "SIGKILL");
    await waitUntilGone(pid);

    const second = await start(dataDir, port);
    expect(await query(second.serverUrl, "SELECT count(*)::int AS n FROM survived")).toEqual([{ n: 0 }]);
    await second.stop();

    // A live process of the server's own user holding the recorded pid, as
    // after a container restart: PostgreSQL alone would refuse to start.
    const owner = await fs.stat(dataDir);
    const impostor = spawn("sleep", ["60"], process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {});
    children.push(impostor);
    await fs.writeFile(
      path.join(dataDir, "postmaster.pid"),
      `${impostor.pid}\n${dataDir}\n0\n${port}\n\n127.0.0.1\n0 0\nready   \n`,
    );
    const third = await start(dataDir, port);
    expect(await query(third.serverUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    await third.stop();
  });

  it("names the port and how to change it when another program holds the port", async () => {
    const port = await freePort();
    const squatter = net.createServer().listen(port, "127.0.0.1");
    await new Promise((resolve) => squatter.once("listening", resolve));
    try {
      const attempt = startEmbeddedPostgres({ dataDir: path.join(tmp, "squatted"), port, portSetting: "PG_PORT" });
      await expect(attempt).rejects.toThrow(PortInUseError);
      await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
      await expect(attempt).rejects.toThrow("set PG_PORT to a free port");
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
