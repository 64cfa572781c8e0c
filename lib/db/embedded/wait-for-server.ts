import pg from "pg";
import { probePostmaster } from "./probe-postmaster";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function accepts(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    // 28P01/28000: wrong password or user, which waiting will not fix.
    const code = (error as { code?: string }).code;
    if (code === "28P01" || code === "28000") throw error;
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Waits until a postmaster that already runs accepts connections (it may be
 * replaying WAL after a crash, or shutting down). "gone" when it exits first.
 */
export async function waitForServer(options: {
  serverUrl: string;
  pid: number;
  dataDir: string;
  timeoutMs?: number;
}): Promise<"ready" | "gone"> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if ((await probePostmaster({ pid: options.pid, dataDir: options.dataDir })) !== "ours") return "gone";
    if (await accepts(options.serverUrl)) return "ready";
    await sleep(100);
  }
  throw new Error(
    `PostgreSQL (pid ${options.pid}) for ${options.dataDir} runs but did not accept connections within ` +
      `${options.timeoutMs ?? 30_000} ms. Stop it with \`kill -INT ${options.pid}\` and start again.`,
  );
}
