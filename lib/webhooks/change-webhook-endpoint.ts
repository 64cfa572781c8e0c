import "server-only";
import { getDb } from "@/lib/db/client";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { WebhookRefusedError } from "@/lib/webhooks/webhook-errors";

export type WebhookEndpointCommand = "pause" | "resume" | "delete";

// Pause (its queue waits), resume (its queue is delivered, the failure streak
// starts again), or delete (its queued messages go with it). Audited in the
// same transaction.
export async function changeWebhookEndpoint(options: { admin: TriageActor; endpointId: string; command: WebhookEndpointCommand }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const where = { id: options.endpointId };
    const found = await tx.webhookEndpoint.findUnique({ where, select: { id: true } });
    if (!found) throw new WebhookRefusedError("That endpoint no longer exists.");
    if (options.command === "delete") {
      await tx.webhookEndpoint.delete({ where });
      await recordAdminAuditEvent({ tx, actor: options.admin, action: "webhook.deleted", metadata: { endpointId: options.endpointId } });
      return;
    }
    const pause = options.command === "pause";
    await tx.webhookEndpoint.update({
      where,
      data: pause ? { pausedAt: new Date(), pausedReason: "admin" } : { pausedAt: null, pausedReason: null, consecutiveFailures: 0, failingSince: null },
    });
    // A resumed endpoint's rows may have failed while it was failing: make them due now.
    if (!pause) {
      await tx.$executeRaw`UPDATE "Notification" SET "nextAttemptAt" = now() WHERE "webhookEndpointId" = ${options.endpointId}::uuid AND "status" = 'PENDING'`;
      await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, 'resume')`;
    }
    await recordAdminAuditEvent({ tx, actor: options.admin, action: pause ? "webhook.paused" : "webhook.resumed", metadata: { endpointId: options.endpointId } });
  });
}
