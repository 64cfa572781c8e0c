import Link from "next/link";
import type { StaffContext } from "@/lib/auth/require-staff";
import type { InquiryInsurance } from "@/lib/insurance/read-inquiry-insurance";
import type { InquiryDetail } from "@/lib/triage/record/get-inquiry-detail";
import { isDecisionDue } from "@/lib/triage/pipeline/is-decision-due";
import { isClosedStage } from "@/lib/triage/pipeline/pipeline-transitions";
import type { ResponseClock } from "@/lib/triage/clock/response-clock";
import type { TriageSettingsValues } from "@/lib/validations/triage-settings";
import { AnswersPanel } from "./AnswersPanel";
import { AssignmentPanel } from "./AssignmentPanel";
import { AttemptPanel } from "./AttemptPanel";
import { BEST_TIME_LABELS, LANGUAGE_LABELS } from "./answer-labels";
import { ContactDetails } from "./ContactDetails";
import { attemptButtons, attemptRows, duplicateRows, stageChoices } from "./detail-props";
import { DiscreetContactPanel } from "./DiscreetContactPanel";
import { DuplicatePanel } from "./DuplicatePanel";
import { EhrHandoffPanel } from "./EhrHandoffPanel";
import { InsurancePanel } from "./InsurancePanel";
import { formatClinicTime } from "./format-clinic-time";
import { NotesPanel } from "./NotesPanel";
import { outreachChannels } from "./outreach-channels";
import { OutreachPanel } from "./OutreachPanel";
import { ResponseClockPanel } from "./ResponseClockPanel";
import { StagePanel } from "./StagePanel";
import { TimelinePanel } from "./TimelinePanel";

// The inquiry detail page's layout. Order matters: how the person may be
// contacted comes before any way of contacting them.
export function InquiryDetailView(props: {
  detail: InquiryDetail;
  staff: StaffContext;
  settings: TriageSettingsValues;
  clock: ResponseClock;
  insurance?: InquiryInsurance;
}) {
  const { detail, settings } = props;
  const { record } = detail;
  const zone = settings.timeZone;
  const anonymised = record.anonymisedAt !== null;
  const closedAsDuplicate = record.duplicateState === "CONFIRMED";
  const closed = isClosedStage(record.status) || closedAsDuplicate;
  const statusLabel = detail.stageLabels.get(record.status) ?? record.status;
  const languageLabel = LANGUAGE_LABELS[record.preferredLanguage] ?? record.preferredLanguage;
  const times = record.bestTimes.map((time) => BEST_TIME_LABELS[time] ?? time).join(", ") || "any time";
  const stages = stageChoices(detail, props.staff.user.role);
  const closedNote = record.closedAt ? `closed ${formatClinicTime(record.closedAt, zone)}${record.exitReason ? `: ${record.exitReason.label}` : ""}` : null;

  return (
    <>
      <p>
        <Link href="/staff/inquiries">Back to the inbox</Link>
      </p>
      <header className="detail-header">
        <h1>Inquiry {record.referenceCode}</h1>
        <ul className="badges" aria-label="Status">
          {record.urgency === "URGENT" ? <li className="badge badge--urgent">Urgent: in crisis when asking</li> : null}
          <li className="badge">{statusLabel}</li>
          {closedAsDuplicate ? <li className="badge">Duplicate</li> : null}
          {record.duplicateState === "FLAGGED" ? <li className="badge badge--flag">Possible duplicate</li> : null}
          {record.legalHold ? <li className="badge">Legal hold</li> : null}
        </ul>
      </header>
      {anonymised ? <p className="alert">This inquiry was anonymised under the retention policy. Only operational facts remain.</p> : null}
      <DiscreetContactPanel consents={detail.consents} requesterType={record.requesterType} personAware={record.answers.personAware} timeZone={zone} />
      <ContactDetails record={record} />
      {closed || anonymised ? null : (
        <OutreachPanel
          inquiryId={record.id}
          phoneDisplay={record.answers.phone}
          outreach={outreachChannels({ phone: record.answers.phone, consents: detail.consents, requesterType: record.requesterType, personAware: record.answers.personAware })}
        />
      )}
      <div className="detail-grid">
        <ResponseClockPanel clock={props.clock} receivedAt={record.createdAt} targetMinutes={settings.firstContactTargetMinutes} timeZone={zone} />
        <AssignmentPanel
          inquiryId={record.id}
          assignee={record.assigneeId && record.assignee ? { id: record.assigneeId, name: record.assignee.name } : null}
          viewerId={props.staff.user.id}
          staff={detail.assignableStaff.map((member) => ({ id: member.id, name: member.name, speaksLanguage: member.languages.includes(record.preferredLanguage) }))}
          languageLabel={languageLabel}
        />
      </div>
      {anonymised ? null : <StagePanel inquiryId={record.id} status={record.status} statusLabel={statusLabel} closedNote={closedNote} moves={stages.moves} exits={stages.exits} />}
      <AttemptPanel
        inquiryId={record.id}
        closed={closed || anonymised}
        buttons={attemptButtons(detail)}
        decision={{ due: !closed && isDecisionDue({ status: record.status, unsuccessfulAttempts: record.unsuccessfulAttempts, attemptsBeforeDecision: settings.attemptsBeforeDecision }), unsuccessful: record.unsuccessfulAttempts }}
        followUpHint={`Clinic time (${zone}). The person prefers: ${times}.`}
        nextFollowUp={record.nextFollowUpAt ? formatClinicTime(record.nextFollowUpAt, zone) : null}
        attempts={attemptRows(detail, zone)}
      />
      {detail.duplicates.length > 0 || record.duplicateState !== "NONE" ? (
        <DuplicatePanel
          inquiryId={record.id}
          state={record.duplicateState}
          original={record.possibleDuplicateOfId && record.possibleDuplicateOf ? { id: record.possibleDuplicateOfId, referenceCode: record.possibleDuplicateOf.referenceCode } : null}
          candidates={duplicateRows(detail, zone)}
        />
      ) : null}
      <AnswersPanel record={record} referralSourceLabel={detail.referralSourceLabel} />
      {props.insurance ? <InsurancePanel inquiryId={record.id} insurance={props.insurance} timeZone={zone} readOnly={anonymised} /> : null}
      {anonymised ? null : <EhrHandoffPanel {...ehrHandoff(detail)} />}
      <NotesPanel inquiryId={record.id} notes={detail.notes} timeZone={zone} canWrite={!anonymised} />
      <TimelinePanel timeline={detail.timeline} timeZone={zone} />
    </>
  );
}

// Issue 13: whether the FHIR hand-off is offered, and if not, why.
function ehrHandoff(detail: InquiryDetail) {
  const { record } = detail;
  const consented = detail.consents.current.get("EHR_DISCLOSURE")?.granted === true;
  const stageAllows = record.status === "ADMITTED" || detail.fhirBeforeAdmission;
  const blocked = !consented ? "Record the person's consent to offer the download." : !stageAllows ? "The download is offered once the person is admitted." : null;
  return {
    inquiryId: record.id,
    consented,
    canExport: blocked === null,
    canSend: blocked === null && detail.fhirEndpointConfigured,
    exportBlockedBecause: blocked,
    hasReferrer: record.answers.referrerName !== null,
  };
}
