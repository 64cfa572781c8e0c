import { readWebhookNotifications } from "./stored-inquiries";
import { sleep } from "./wait";
import type { WebhookSink } from "./webhook-sink";

export type WebhookCheck = {
  rows: number;
  rowsFailedOrUnfinished: number;
  rowsRetried: number;
  received: number;
  invalidSignatures: number;
  /** Inquiries (reference codes) with a webhook row whose webhook never arrived. */
  lost: string[];
  /** Reference codes that arrived under more than one webhook-id: a real duplicate. */
  duplicates: string[];
  /** The same webhook-id received again (at-least-once; receivers deduplicate by webhook-id). */
  redeliveries: number;
};

/**
 * Waits (at most `timeoutMs`) until every webhook row is settled and arrived,
 * then counts, per the one endpoint, lost and duplicated messages.
 */
export async function checkWebhookDelivery(options: { databaseUrl: string; sink: WebhookSink; timeoutMs: number }): Promise<WebhookCheck> {
  const started = Date.now();
  let rows = await readWebhookNotifications(options.databaseUrl);
  const arrived = () => new Set(options.sink.received.map((hook) => hook.webhookId));
  while (Date.now() - started < options.timeoutMs) {
    const seen = arrived();
    if (rows.every((row) => row.status === "SENT" && seen.has(row.id))) break;
    await sleep(500);
    rows = await readWebhookNotifications(options.databaseUrl);
  }
  await sleep(2000);
  rows = await readWebhookNotifications(options.databaseUrl);
  const hooks = [...options.sink.received];
  const idsPerCode = new Map<string, Set<string>>();
  for (const hook of hooks) {
    if (!hook.referenceCode) continue;
    idsPerCode.set(hook.referenceCode, (idsPerCode.get(hook.referenceCode) ?? new Set()).add(hook.webhookId));
  }
  const ids = hooks.map((hook) => hook.webhookId);
  return {
    rows: rows.length,
    rowsFailedOrUnfinished: rows.filter((row) => row.status !== "SENT").length,
    rowsRetried: rows.filter((row) => row.attempts > 1).length,
    received: hooks.length,
    invalidSignatures: hooks.filter((hook) => !hook.validSignature).length,
    lost: rows.filter((row) => !idsPerCode.get(row.referenceCode)?.has(row.id)).map((row) => row.referenceCode),
    duplicates: [...idsPerCode].filter(([, set]) => set.size > 1).map(([code]) => code),
    redeliveries: ids.length - new Set(ids).size,
  };
}
