import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import type { InquiryStatus } from "@/lib/db/generated/enums";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { findPossibleDuplicates, type DuplicateCandidate } from "@/lib/triage/duplicates/find-possible-duplicates";
import { getInquiryTimeline, type TimelineEntry } from "@/lib/triage/record/get-inquiry-timeline";
import { isUuid } from "@/lib/triage/access/is-uuid";
import { readContactAttempts, type ContactAttemptView } from "@/lib/triage/record/read-contact-attempts";
import { readCurrentConsents, type InquiryConsents } from "@/lib/triage/record/read-current-consents";
import { readInquiryNotes, type InquiryNoteView } from "@/lib/triage/record/read-inquiry-notes";
import { readInquiryRecord, type InquiryRecord } from "@/lib/triage/record/read-inquiry-record";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { InquiryNotFoundError } from "@/lib/triage/access/triage-errors";

export type InquiryDetail = {
  record: InquiryRecord;
  consents: InquiryConsents;
  notes: InquiryNoteView[];
  attempts: ContactAttemptView[];
  duplicates: DuplicateCandidate[];
  timeline: TimelineEntry[];
  stageLabels: Map<InquiryStatus, string>;
  exitReasons: { id: string; stage: InquiryStatus; label: string }[];
  assignableStaff: { id: string; name: string; role: string; languages: string[] }[];
  referralSourceLabel: string | null;
  /** Clinic policy (FHIR_EXPORT_BEFORE_ADMISSION): the FHIR hand-off before admission. */
  fhirBeforeAdmission: boolean;
  /** A FHIR server is configured (FHIR_ENDPOINT_URL): the hand-off can be sent there too. */
  fhirEndpointConfigured: boolean;
};

// The whole inquiry, decrypted for the signed-in staff member, and exactly one
// "inquiry.viewed" audit row, written in the same transaction as the read: if
// anything fails (the account was disabled a moment ago, a value does not
// decrypt) nothing is shown and no view is recorded; if the audit row cannot
// be written, nothing is shown either. The caller (the page) has already
// checked the session with requireStaffPage; the account is checked again
// here against the database. Unknown id: InquiryNotFoundError, no view.
export async function getInquiryDetail(options: { actor: TriageActor; inquiryId: string }): Promise<InquiryDetail> {
  if (!isUuid(options.inquiryId)) throw new InquiryNotFoundError();
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const record = await readInquiryRecord({ tx, inquiryId: options.inquiryId });
    // Written before the timeline is read, so this view is on it.
    await recordInquiryAuditEvent({ tx, actor: options.actor, action: "inquiry.viewed", inquiryId: record.id, metadata: { referenceCode: record.referenceCode } });
    const stages = await tx.pipelineStage.findMany({ orderBy: { position: "asc" } });
    const stageLabels = new Map(stages.map((stage) => [stage.stage, stage.label]));
    // One after the other: a transaction is one connection, and node-postgres
    // does not take concurrent queries on one connection.
    const consents = await readCurrentConsents({ tx, inquiryId: record.id });
    const notes = await readInquiryNotes({ tx, inquiryId: record.id, viewerId: options.actor.user.id, now: new Date() });
    const attempts = await readContactAttempts({ tx, inquiryId: record.id });
    const duplicates = await findPossibleDuplicates({ tx, inquiryId: record.id });
    const timeline = await getInquiryTimeline({ tx, inquiryId: record.id, stageLabels });
    const exitReasons = await tx.exitReason.findMany({
      where: { active: true },
      orderBy: [{ stage: "asc" }, { position: "asc" }],
      select: { id: true, stage: true, label: true },
    });
    const staff = await tx.staffUser.findMany({
      where: { banned: false, twoFactorEnabled: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, profile: { select: { languages: true } } },
    });
    const source = record.heardAbout ? await tx.referralSource.findUnique({ where: { code: record.heardAbout }, select: { label: true } }) : null;
    const assignableStaff = staff.map(({ profile, ...member }) => ({ ...member, languages: profile?.languages ?? [] }));
    const referralSourceLabel = source?.label ?? record.heardAbout;
    const { FHIR_EXPORT_BEFORE_ADMISSION: fhirBeforeAdmission, FHIR_ENDPOINT_URL } = getEnv();
    const fhirEndpointConfigured = Boolean(FHIR_ENDPOINT_URL);
    return { record, consents, notes, attempts, duplicates, timeline, stageLabels, exitReasons, assignableStaff, referralSourceLabel, fhirBeforeAdmission, fhirEndpointConfigured };
  });
}
