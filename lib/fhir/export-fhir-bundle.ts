import "server-only";
import type { Bundle } from "@medplum/fhirtypes";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { buildFhirBundle } from "@/lib/fhir/build-fhir-bundle";
import { FhirExportRefusedError } from "@/lib/fhir/fhir-errors";
import { validateFhirResource } from "@/lib/fhir/load-fhir-validator";
import { openRecipient } from "@/lib/fhir/recipient-crypto";
import { assertActiveStaff } from "@/lib/triage/assert-active-staff";
import { isUuid } from "@/lib/triage/is-uuid";
import { readCurrentConsents } from "@/lib/triage/read-current-consents";
import { readInquiryRecord } from "@/lib/triage/read-inquiry-record";
import { recordInquiryAuditEvent } from "@/lib/triage/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/triage-actor";
import { InquiryNotFoundError } from "@/lib/triage/triage-errors";

// One inquiry as a FHIR R4 Bundle for the treatment provider's EHR (issue 13).
// Refused unless the newest EHR-disclosure consent is granted, and (unless
// the clinic allows earlier hand-offs) unless the inquiry is admitted. The
// bundle is validated against R4 before it is offered, and the export is one
// audit event (who, when, which record, and the consent that names the
// recipient) in the same transaction as the read.
export async function exportFhirBundle(options: { actor: TriageActor; inquiryId: string; now?: Date }): Promise<{ bundle: Bundle; filename: string }> {
  if (!isUuid(options.inquiryId)) throw new InquiryNotFoundError();
  const env = getEnv();
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const record = await readInquiryRecord({ tx, inquiryId: options.inquiryId });
    if (record.anonymisedAt) throw new FhirExportRefusedError("This inquiry was anonymised; there is nothing to hand off.");
    if (record.status !== "ADMITTED" && !env.FHIR_EXPORT_BEFORE_ADMISSION) {
      throw new FhirExportRefusedError("The record can be handed off once the person is admitted.");
    }
    const consents = await readCurrentConsents({ tx, inquiryId: record.id });
    const disclosure = consents.current.get("EHR_DISCLOSURE");
    if (!disclosure?.granted) throw new FhirExportRefusedError("Record the person's consent to disclose to their treatment provider first.");
    const consentRow = await tx.consentRecord.findFirstOrThrow({
      where: { inquiryId: record.id, subject: "EHR_DISCLOSURE" },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: { id: true, recipientEnc: true },
    });
    const recipient = consentRow.recipientEnc ? openRecipient(consentRow.id, consentRow.recipientEnc) : "";
    const referrerConsented = consents.current.get("EHR_REFERRER_DISCLOSURE")?.granted === true;
    const { answers } = record;
    const bundle = buildFhirBundle({
      referenceCode: record.referenceCode,
      receivedAt: record.createdAt,
      urgent: record.urgency === "URGENT",
      requesterType: record.requesterType,
      preferredLanguage: record.preferredLanguage,
      firstName: answers.firstName,
      phone: answers.phone,
      email: answers.email,
      reason: answers.message,
      referrer: referrerConsented && answers.referrerName ? { name: answers.referrerName, relationship: answers.referrerRelationship } : null,
      consents: [...consents.current.values()].map((consent) => ({ ...consent, recipient: null })),
      recipient,
      identifierSystem: new URL(env.PUBLIC_URL).origin,
      now: options.now ?? new Date(),
    });
    validateFhirResource(bundle);
    await recordInquiryAuditEvent({
      tx,
      actor: options.actor,
      action: "inquiry.fhir_exported",
      inquiryId: record.id,
      metadata: {
        consentRecordId: consentRow.id,
        resources: (bundle.entry ?? []).map((e) => e.resource?.resourceType ?? "unknown"),
      },
    });
    return { bundle, filename: `handoff-${record.referenceCode}.fhir.json` };
  });
}
