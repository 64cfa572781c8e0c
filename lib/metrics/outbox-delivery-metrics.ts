import "server-only";
import { counter } from "@/lib/metrics/registry";

export type DeliveryOutcome = "sent" | "retry" | "failed" | "released";

// Counted where the outbox worker runs. Scraped only from app servers with
// WORKER_IN_PROCESS (`npm run worker` serves no HTTP); the outbox's state
// across every worker is in the scrape-time gauges of
// lib/metrics/outbox-state-metrics.ts, readable from any replica.
const deliveries = counter({
  name: "iop_outbox_deliveries_total",
  help: "Outbox delivery attempts by outcome (sent, retry scheduled, failed for good, released unsent)",
  labelNames: ["outcome"] as const,
});

export function countDelivery(outcome: DeliveryOutcome): void {
  deliveries.inc({ outcome });
}
