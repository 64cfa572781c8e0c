import "server-only";
import type { Bundle } from "@medplum/fhirtypes";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { buildFhirBundle } from "@/lib/fhir/build-fhir-bundle";
import { FhirExportRefusedError } from "@/lib/fhir/fhir-errors";
import { validateFhirResource } from "@/lib/fhir/load-fhir-validator";
import { openRecipient } from "@/lib/fhir/recipient-crypto";
import { readCurrentConsents } from "@/lib/triage/record/read-current-consents";
import { readInquiryRecord } from "@/lib/triage/record/read-inquiry-record";

// The hand-off bundle of one inquiry as the record and its consents stand now,
// validated against R4. Refused (FhirExportRefusedError) unless the newest
// EHR-disclosure consent is granted and the stage allows it. Used both for the
// download and, again at send time, for the outbox's POST to a FHIR server, so
// a consent withdrawn in between stops the send.
export async function assembleHandoffBundle(options: {
  tx: Prisma.TransactionClient;
  inquiryId: string;
  type: "collection" | "transaction";
  now: Date;
}): Promise<{ bundle: Bundle; consentRecordId: string; referenceCode: string }> {
  const env = getEnv();
  const record = await readInquiryRecord({ tx: options.tx, inquiryId: options.inquiryId });
  if (record.anonymisedAt) throw new FhirExportRefusedError("This inquiry was anonymised; there is nothing to hand off.");
  if (record.status !== "ADMITTED" && !env.FHIR_EXPORT_BEFORE_ADMISSION) {
    throw new FhirExportRefusedError("The record can be handed off once the person is admitted.");
  }
  const consents = await readCurrentConsents({ tx: options.tx, inquiryId: record.id });
  if (!consents.current.get("EHR_DISCLOSURE")?.granted) throw new FhirExportRefusedError("Record the person's consent to disclose to their treatment provider first.");
  const consentRow = await options.tx.consentRecord.findFirstOrThrow({
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
    now: options.now,
    type: options.type,
  });
  validateFhirResource(bundle);
  return { bundle, consentRecordId: consentRow.id, referenceCode: record.referenceCode };
}
