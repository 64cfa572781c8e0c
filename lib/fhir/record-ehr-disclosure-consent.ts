import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { EHR_DISCLOSURE_CONSENT_VERSION } from "@/lib/fhir/ehr-disclosure-consent";
import { sealRecipient } from "@/lib/fhir/recipient-crypto";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";

// Staff record the person's consent (or its withdrawal) to disclose their
// record to a named treatment provider's record system, and separately to
// include the referrer. Rows are added, never overwritten (rule 6), with the
// consent text version, who recorded it and when; audited in the same
// transaction.
export async function recordEhrDisclosureConsent(options: {
  actor: TriageActor;
  inquiryId: string;
  granted: boolean;
  recipient: string;
  includeReferrer: boolean;
}): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: options.inquiryId });
    if (inquiry.anonymisedAt) throw new TriageRefusedError("This inquiry was anonymised; nothing about the person is left to disclose.");
    const rows = [
      { subject: "EHR_DISCLOSURE" as const, granted: options.granted },
      { subject: "EHR_REFERRER_DISCLOSURE" as const, granted: options.granted && options.includeReferrer },
    ].map((row) => ({ ...row, id: randomUUID() }));
    for (const row of rows) {
      await tx.consentRecord.create({
        data: {
          id: row.id,
          inquiryId: inquiry.id,
          subject: row.subject,
          granted: row.granted,
          consentTextVersion: EHR_DISCLOSURE_CONSENT_VERSION,
          recordedById: options.actor.user.id,
          recipientEnc: sealRecipient(row.id, options.recipient),
        },
      });
    }
    await recordInquiryAuditEvent({
      tx,
      actor: options.actor,
      action: "inquiry.ehr_consent_recorded",
      inquiryId: inquiry.id,
      metadata: { consentRecordIds: rows.map((row) => row.id), granted: options.granted, includeReferrer: rows[1]?.granted ?? false },
    });
  });
}
