import "server-only";
import { recordAuditEvent, type RequestMetadata } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { consentRecordsFor } from "@/lib/inquiries/consent-records";
import { encryptInquiryFields } from "@/lib/inquiries/encrypt-inquiry-fields";
import { generateReferenceCode } from "@/lib/inquiries/reference-code";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import type { Inquiry } from "@/lib/validations/inquiry";

const MAX_CODE_ATTEMPTS = 5;

export type CreatedInquiry = { id: string; referenceCode: string; created: boolean };

export async function findInquiryByIdempotencyKey(options: { db: Db; idempotencyKey: string }) {
  return options.db.inquiry.findUnique({
    where: { idempotencyKey: options.idempotencyKey },
    select: { id: true, referenceCode: true },
  });
}

// Stores an accepted inquiry. The row, its consent records, its notification
// (outbox) row and its audit event commit together or not at all, so an
// inquiry never exists without its staff notification and vice versa.
export async function createInquiry(options: {
  db: Db;
  inquiry: Inquiry;
  idempotencyKey: string;
  locale: string;
  request: RequestMetadata;
}): Promise<CreatedInquiry> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ...(await insertInquiry(options, generateReferenceCode())), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either a concurrent request with the same idempotency key won (return
      // its result), or the random reference code collided (draw another).
      const existing = await findInquiryByIdempotencyKey(options);
      if (existing) return { ...existing, created: false };
      if (attempt >= MAX_CODE_ATTEMPTS) throw error;
    }
  }
}

async function insertInquiry(
  options: Parameters<typeof createInquiry>[0],
  referenceCode: string,
): Promise<{ id: string; referenceCode: string }> {
  const { inquiry } = options;
  const sealed = encryptInquiryFields(inquiry);
  return options.db.$transaction(async (tx) => {
    await tx.inquiry.create({
      data: {
        ...sealed,
        referenceCode,
        idempotencyKey: options.idempotencyKey,
        urgency: inquiry.inCrisis ? "URGENT" : "ROUTINE",
        requesterType: inquiry.requesterType,
        locale: options.locale,
        preferredLanguage: inquiry.preferredLanguage,
        preferredContactMethod: inquiry.preferredContactMethod,
        bestTimes: inquiry.bestTimes,
        heardAbout: inquiry.heardAbout ?? null,
        consents: { create: consentRecordsFor(inquiry) },
        notifications: { create: { kind: "NEW_INQUIRY" } },
      },
      select: { id: true },
    });
    await recordAuditEvent({
      tx,
      actorType: "PUBLIC",
      action: "inquiry.created",
      inquiryId: sealed.id,
      request: options.request,
      metadata: { urgency: inquiry.inCrisis ? "URGENT" : "ROUTINE" },
    });
    // Delivered at commit: wakes the outbox workers without waiting for a poll.
    await tx.$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`);
    return { id: sealed.id, referenceCode };
  });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
