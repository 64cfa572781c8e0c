import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { consentRecordsFor } from "@/lib/inquiries/consent-records";
import { encryptInquiryFields } from "@/lib/inquiries/encrypt-inquiry-fields";
import { inquiryAnswerColumns } from "@/lib/inquiries/inquiry-columns";
import { generateReferenceCode } from "@/lib/inquiries/reference-code";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { StaffInquiry } from "@/lib/validations/inquiry";

const MAX_CODE_ATTEMPTS = 5;

export type StoreStaffInquiryOutcome = { kind: "created" | "replayed"; id: string; referenceCode: string };

// The staff counterpart of store-inquiry.ts: the same encryption and lookup
// hashes (encryptInquiryFields), the same consent rows, the same outbox rows
// (staff notification email, subscribed webhooks) and NOTIFY, committed in
// one transaction with the audit row. No rate limits, form tokens or request
// metadata: the author is a signed-in staff member, named on the row.
//
// Times: createdAt is the time of first contact the coordinator gave, which
// the response clock, the inbox and reports all read as "received"; enteredAt
// (the column default) is when this row was really written. The consents are
// recorded as given at that first contact, by this staff member.
//
// A retried post of the same form (double click, reload without JavaScript)
// carries the same idempotency key and answers with the row already stored.
export async function storeStaffInquiry(options: {
  actor: TriageActor;
  inquiry: StaffInquiry;
  idempotencyKey: string;
}): Promise<StoreStaffInquiryOutcome> {
  const sealed = encryptInquiryFields(options.inquiry);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await insert(options, sealed, generateReferenceCode());
    } catch (error) {
      const target = uniqueViolationOf(error);
      if (target === "idempotencyKey") return replayed(options.idempotencyKey);
      if (target === "referenceCode" && attempt < MAX_CODE_ATTEMPTS) continue;
      throw error;
    }
  }
}

async function insert(
  options: Parameters<typeof storeStaffInquiry>[0],
  sealed: ReturnType<typeof encryptInquiryFields>,
  referenceCode: string,
): Promise<StoreStaffInquiryOutcome> {
  const { actor, inquiry } = options;
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: actor.user.id });
    const created = await tx.inquiry.create({
      data: {
        id: sealed.id,
        referenceCode,
        idempotencyKey: options.idempotencyKey,
        ...inquiryAnswerColumns(inquiry, sealed),
        locale: inquiry.preferredLanguage,
        referringOrganisationEnc: sealed.referringOrganisationEnc,
        createdAt: inquiry.receivedAt,
        stageChangedAt: inquiry.receivedAt,
        channel: inquiry.channel,
        enteredById: actor.user.id,
      },
      select: { id: true, referenceCode: true, urgency: true },
    });
    await tx.consentRecord.createMany({
      data: consentRecordsFor(inquiry).map((consent) => ({
        ...consent,
        inquiryId: created.id,
        recordedById: actor.user.id,
        recordedAt: inquiry.receivedAt,
      })),
    });
    await tx.notification.create({ data: { kind: "NEW_INQUIRY", inquiryId: created.id } });
    // One outbox row per subscribed webhook endpoint, exactly as the public
    // statement writes them (store-inquiry-statement.ts).
    await tx.$executeRaw`
      INSERT INTO "Notification" ("kind", "inquiryId", "webhookEndpointId", "event", "eventData")
      SELECT 'WEBHOOK', ${created.id}::uuid, e."id", ev."name", '{"stage":"NEW"}'::jsonb
      FROM (VALUES ('inquiry.received'), ('inquiry.urgent_received')) AS ev("name")
      JOIN "WebhookEndpoint" e ON ev."name" = ANY(e."events")
      WHERE ev."name" = 'inquiry.received' OR ${created.urgency}::text = 'URGENT'`;
    await recordInquiryAuditEvent({
      tx,
      actor,
      action: "inquiry.created_by_staff",
      inquiryId: created.id,
      metadata: { channel: inquiry.channel, urgency: created.urgency, receivedAt: inquiry.receivedAt.toISOString() },
    });
    await tx.$queryRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')::text`;
    return { kind: "created", id: created.id, referenceCode: created.referenceCode };
  });
}

async function replayed(idempotencyKey: string): Promise<StoreStaffInquiryOutcome> {
  const row = await getDb().inquiry.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true, referenceCode: true } });
  return { kind: "replayed", ...row };
}

// Which unique column a failed insert collided on, if that was the failure.
function uniqueViolationOf(error: unknown): "idempotencyKey" | "referenceCode" | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const text = JSON.stringify(error.meta ?? {});
  if (text.includes("idempotencyKey")) return "idempotencyKey";
  if (text.includes("referenceCode")) return "referenceCode";
  return null;
}
