import "server-only";
import { Client } from "pg";
import { getDb, getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logging/logger";
import { countDelivery } from "@/lib/metrics/outbox-delivery-metrics";
import { claimDueNotifications } from "@/lib/notifications/claim-due-notifications";
import { deliverUnlessStopping } from "@/lib/notifications/deliver-unless-stopping";
import { createLimiter } from "@/lib/notifications/limiter";
import { getMailTransport, SMTP_MAX_CONNECTIONS } from "@/lib/notifications/mail-transport";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { purgeExpiredRateLimits } from "@/lib/security/rate-limit";

// Rows claimed per cycle. Sends wait for one of SMTP_MAX_CONNECTIONS slots and
// none starts after half the lease, so a larger claim is safe; it keeps the
// connections busy across the cycle's tail and needs fewer claim queries
// (a 3,000-email backlog drained about 1.5x faster than with 10).
const BATCH_SIZE = 30;
const HOUSEKEEPING_EVERY_MS = 10 * 60 * 1000;

export type OutboxWorker = { stop(): Promise<void> };

// Delivers the outbox. Woken at once by NOTIFY when an inquiry commits, and
// polls as well, because a notification may be missed while the LISTEN
// connection is down and retries become due with no NOTIFY at all.
export function runOutboxWorker(): OutboxWorker {
  const env = getEnv();
  let stopped = false;
  // A NOTIFY that arrives while a cycle is running must not be lost: it is
  // remembered, and the next sleep returns at once.
  let woken = false;
  let wake: () => void = () => {
    woken = true;
  };
  let listener: Client | undefined;
  let lastHousekeeping = 0;
  const sendSlot = createLimiter(SMTP_MAX_CONNECTIONS);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      woken = false;
      wake = () => {
        woken = true;
      };
    });

  async function listen(): Promise<void> {
    if (stopped || listener) return;
    const client = new Client({ connectionString: env.DATABASE_URL });
    client.on("notification", () => wake());
    client.on("error", () => {
      listener = undefined;
      void client.end().catch(() => {});
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      listener = client;
    } catch (err) {
      logger.warn({ err }, "outbox LISTEN unavailable; polling only");
      await client.end().catch(() => {});
    }
  }

  async function tick(): Promise<number> {
    const pool = getPool();
    const claimed = await claimDueNotifications({ pool, limit: BATCH_SIZE, leaseSeconds: env.NOTIFY_LEASE_SECONDS });
    const transport = getMailTransport();
    // A send must start within the first half of the lease: the other half is
    // for the send itself and its bookkeeping, before another worker may claim.
    const sendBy = Date.now() + env.NOTIFY_LEASE_SECONDS * 500;
    const isStopping = () => stopped;
    const outcomes = await Promise.all(
      claimed.map((notification) => deliverUnlessStopping({ pool, transport, sendSlot, notification, sendBy, isStopping })),
    );
    outcomes.forEach(countDelivery);
    if (Date.now() - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
      lastHousekeeping = Date.now();
      await purgeExpiredRateLimits({ db: getDb() });
    }
    return claimed.length;
  }

  const loop = (async () => {
    while (!stopped) {
      await listen();
      let claimed = 0;
      try {
        claimed = await tick();
      } catch (err) {
        logger.error({ err }, "outbox worker cycle failed; will retry");
      }
      if (claimed < BATCH_SIZE && !stopped) await sleep(env.NOTIFY_POLL_MS);
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      await listener?.end().catch(() => {});
    },
  };
}
