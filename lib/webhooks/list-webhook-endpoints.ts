import "server-only";
import { getDb } from "@/lib/db/client";

const LOG_ROWS = 20;

// What the admin page shows per endpoint: no URL beyond its origin, no
// secret, and a delivery log of outcomes, status codes and latencies only.
export async function listWebhookEndpoints() {
  const endpoints = await getDb().webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      urlOrigin: true,
      format: true,
      events: true,
      pausedAt: true,
      pausedReason: true,
      consecutiveFailures: true,
      previousSecretUntil: true,
      createdAt: true,
      deliveries: {
        orderBy: { attemptedAt: "desc" },
        take: LOG_ROWS,
        select: { id: true, event: true, attempt: true, attemptedAt: true, statusCode: true, latencyMs: true, ok: true, error: true },
      },
      _count: { select: { notifications: { where: { status: { in: ["PENDING", "SENDING"] } } } } },
    },
  });
  return endpoints.map(({ _count, ...endpoint }) => ({ ...endpoint, queued: _count.notifications }));
}

export type WebhookEndpointView = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

// For the staff area's banner: endpoints paused because they kept failing.
export async function countPausedWebhookEndpoints(): Promise<number> {
  return getDb().webhookEndpoint.count({ where: { pausedAt: { not: null }, pausedReason: "failures" } });
}
