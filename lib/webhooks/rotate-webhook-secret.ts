import "server-only";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { WebhookRefusedError } from "@/lib/webhooks/webhook-errors";
import { generateWebhookSecret, openWebhookValue, sealWebhookValue } from "@/lib/webhooks/webhook-secret-crypto";

// How long messages are signed with the old secret as well as the new one,
// for the receiver's owner to switch over.
export const SECRET_OVERLAP_HOURS = 24;

// A new signing secret, returned once. The old one is kept (re-encrypted
// under its own column's context) and signs alongside the new one until the
// overlap ends.
export async function rotateWebhookSecret(options: { admin: TriageActor; endpointId: string; now?: Date }): Promise<{ secret: string; overlapUntil: Date }> {
  const now = options.now ?? new Date();
  const overlapUntil = new Date(now.getTime() + SECRET_OVERLAP_HOURS * 3_600_000);
  const secret = generateWebhookSecret();
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const [row] = await tx.$queryRaw<{ secretEnc: string }[]>`SELECT "secretEnc" FROM "WebhookEndpoint" WHERE "id" = ${options.endpointId}::uuid FOR UPDATE`;
    if (!row) throw new WebhookRefusedError("That endpoint no longer exists.");
    const current = openWebhookValue("secret", options.endpointId, row.secretEnc);
    await tx.webhookEndpoint.update({
      where: { id: options.endpointId },
      data: {
        secretEnc: sealWebhookValue("secret", options.endpointId, secret),
        previousSecretEnc: sealWebhookValue("previousSecret", options.endpointId, current),
        previousSecretUntil: overlapUntil,
      },
    });
    await recordAdminAuditEvent({ tx, actor: options.admin, action: "webhook.secret_rotated", metadata: { endpointId: options.endpointId, overlapUntil: overlapUntil.toISOString() } });
  });
  return { secret, overlapUntil };
}
