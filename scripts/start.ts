// `npm start`: the production server (after `npm run build`). Always
// production: validates the environment, checks the database as the runtime
// role (migrations are `npm run db:migrate`'s job, as the owner role), then
// serves Next.js behind scripts/support/serve-next.ts. Refuses to start, with
// one message, when anything is missing; never fills anything in.
import { parseArgs } from "node:util";
import { parseTrustedProxies } from "@/lib/security/trusted-proxies";
import { runShutdownHooks } from "@/lib/startup/shutdown-hooks";
import { loadProductionEnvironment } from "./support/load-production-environment";
import { ROOT } from "./support/root";
import { serveNext } from "./support/serve-next";

// In-flight requests get this long after SIGTERM; below the 30 s a container
// runtime waits before SIGKILL, leaving time for the shutdown hooks.
const DRAIN_MS = 25_000;
const HOOKS_MS = 20_000;

const log = (message: string) => console.log(`[start] ${message}`);
const fail = (message: string): never => {
  console.error(`[start] refusing to start:\n${message}`);
  process.exit(1);
};

async function main(): Promise<void> {
  // Before anything reads them; Next.js itself is loaded later, in serveNext.
  // This app makes no calls to third parties, its tooling included.
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { values } = parseArgs({
    options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } },
  });
  const env = await loadProductionEnvironment({ log, fail });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  // Every interface (IPv4 and IPv6) unless --hostname says otherwise. Not the
  // HOSTNAME variable: shells and containers set it to the machine's name.
  const hostname = values.hostname;
  const trustedProxies = env.TRUSTED_PROXY_CIDRS ? parseTrustedProxies(env.TRUSTED_PROXY_CIDRS) : undefined;
  const server = await serveNext({ dir: ROOT, hostname, port, trustedProxyHops: env.TRUST_PROXY_HOPS, trustedProxies });
  const trust = trustedProxies ? `trusted proxy networks: ${env.TRUSTED_PROXY_CIDRS}` : `trusted proxy hops: ${env.TRUST_PROXY_HOPS}`;
  log(`listening on port ${server.port}${hostname ? ` of ${hostname}` : " (all interfaces)"} (${trust})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: no new connections; finishing requests in flight (at most ${DRAIN_MS / 1000} s)`);
    void (async () => {
      const { forced } = await server.close({ drainMs: DRAIN_MS });
      if (forced > 0) log(`${forced} request(s) still running after ${DRAIN_MS / 1000} s were cut off`);
      const hooksDone = runShutdownHooks();
      const late = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), HOOKS_MS).unref());
      const failed = await Promise.race([hooksDone, late]);
      if (failed === "late" || failed.length > 0) {
        log(`shutdown incomplete: ${failed === "late" ? `hooks still running after ${HOOKS_MS / 1000} s` : failed.join(", ")}`);
        process.exit(1);
      }
      log("stopped");
      process.exit(0);
    })();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`[start] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
