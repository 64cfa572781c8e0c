import "server-only";
import type { Bundle } from "@medplum/fhirtypes";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { assembleHandoffBundle } from "@/lib/fhir/assemble-handoff-bundle";
import { FhirExportRefusedError } from "@/lib/fhir/fhir-errors";
import { warmFhirValidator } from "@/lib/fhir/load-fhir-validator";
import { OUTBOX_CHANNEL } from "@/lib/notifications/outbox-channel";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { isUuid } from "@/lib/triage/access/is-uuid";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { InquiryNotFoundError } from "@/lib/triage/access/triage-errors";

// One inquiry as a FHIR R4 Bundle for the treatment provider's EHR (issue 13):
// downloaded over the session, or (`send`) queued in the outbox for the
// configured FHIR server (FHIR_ENDPOINT_URL). Refused without a granted
// disclosure consent or before admission (see assembleHandoffBundle). One
// audit event (who, when, which record, the consent naming the recipient,
// where it went) in the same transaction as the read.
export async function exportFhirBundle(options: {
  actor: TriageActor;
  inquiryId: string;
  send?: boolean;
  now?: Date;
}): Promise<{ bundle: Bundle; filename: string }> {
  if (!isUuid(options.inquiryId)) throw new InquiryNotFoundError();
  if (options.send && !getEnv().FHIR_ENDPOINT_URL) throw new FhirExportRefusedError("No FHIR server is configured to send to.");
  warmFhirValidator();
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const assembled = await assembleHandoffBundle({ tx, inquiryId: options.inquiryId, type: options.send ? "transaction" : "collection", now: options.now ?? new Date() });
    if (options.send) {
      await tx.notification.create({ data: { kind: "FHIR_EXPORT", inquiryId: options.inquiryId, eventData: { consentRecordId: assembled.consentRecordId } } });
      await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, 'fhir')`;
    }
    await recordInquiryAuditEvent({
      tx,
      actor: options.actor,
      action: "inquiry.fhir_exported",
      inquiryId: options.inquiryId,
      metadata: {
        consentRecordId: assembled.consentRecordId,
        destination: options.send ? "fhir-endpoint" : "download",
        resources: (assembled.bundle.entry ?? []).map((e) => e.resource?.resourceType ?? "unknown"),
      },
    });
    return { bundle: assembled.bundle, filename: `handoff-${assembled.referenceCode}.fhir.json` };
  });
}
