import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import type { TriageActor } from "@/lib/triage/triage-actor";

// Every staff read and change of an inquiry. Metadata holds ids, stages and
// enum values only: never an answer, a note or a contact detail.
export type InquiryAuditAction =
  | "inquiry.viewed"
  | "inquiry.stage_changed"
  | "inquiry.assigned"
  | "inquiry.unassigned"
  | "inquiry.contact_attempt_logged"
  | "inquiry.attempts_continued"
  | "inquiry.note_added"
  | "inquiry.note_edited"
  | "inquiry.duplicate_flagged"
  | "inquiry.duplicate_confirmed"
  | "inquiry.duplicate_linked"
  | "inquiry.duplicate_dismissed"
  | "inquiry.ehr_consent_recorded"
  | "inquiry.fhir_exported"
  // Issue 12: metadata names the coverage rank and which fields changed, never a value.
  | "inquiry.coverage_saved"
  | "inquiry.coverage_removed"
  | "inquiry.verification_updated";

// `actor: null` is the system itself (round-robin assignment, duplicate flag
// on arrival).
export async function recordInquiryAuditEvent(options: {
  tx: Prisma.TransactionClient;
  actor: TriageActor | null;
  action: InquiryAuditAction;
  inquiryId: string;
  metadata?: Prisma.InputJsonObject;
}): Promise<void> {
  const { actor } = options;
  await recordAuditEvent({
    tx: options.tx,
    actorType: actor ? "STAFF" : "SYSTEM",
    actorId: actor?.user.id,
    action: options.action,
    inquiryId: options.inquiryId,
    request: actor ? { ipHash: null, userAgent: actor.request.userAgent } : undefined,
    ipAddress: actor?.request.ipAddress ?? null,
    metadata: options.metadata,
  });
}
