import type { StaffRole } from "@/lib/auth/staff-roles";
import type { ConsentSubject, InquiryStatus } from "@/lib/db/generated/enums";
import { attemptLabel, CONSENT_FOR_CHANNEL, CONTACT_ATTEMPT_OPTIONS } from "@/lib/triage/pipeline/contact-attempt-options";
import type { InquiryDetail } from "@/lib/triage/record/get-inquiry-detail";
import { allowedTransitions, isExitStage, type TransitionKind } from "@/lib/triage/pipeline/pipeline-transitions";
import type { AttemptButton, AttemptRow } from "./AttemptPanel";
import type { DuplicateRow } from "./DuplicatePanel";
import type { ExitChoice, StageMove } from "./StagePanel";
import { formatClinicTime } from "./format-clinic-time";

// Turns the detail read into what the client panels need: plain strings
// and flags, worked out on the server with the same rules the commands
// enforce (so the page never offers a move the server would refuse).

const MOVE_WORDING: Record<Exclude<TransitionKind, "exit">, string> = {
  advance: "Move to",
  "step-back": "Back to",
  reopen: "Reopen as",
  "correct-admission": "Correct: back to",
};

export function stageChoices(detail: InquiryDetail, role: StaffRole): { moves: StageMove[]; exits: ExitChoice[] } {
  const { record, stageLabels } = detail;
  const label = (stage: InquiryStatus) => stageLabels.get(stage) ?? stage;
  const allowed = allowedTransitions({ from: record.status, role, closedAsDuplicate: record.duplicateState === "CONFIRMED" });
  const moves = allowed.flatMap(({ to, kind }) => (kind === "exit" ? [] : [{ to, label: `${MOVE_WORDING[kind]} ${label(to)}` }]));
  const exits = allowed
    .filter(({ to }) => isExitStage(to))
    .map(({ to }) => ({ stage: to, label: label(to), reasons: detail.exitReasons.filter((reason) => reason.stage === to).map(({ id, label: text }) => ({ id, label: text })) }))
    .filter((exit) => exit.reasons.length > 0);
  return { moves, exits };
}

const REFUSAL: Partial<Record<ConsentSubject, string>> = {
  CALL: "(no phone number)",
  VOICEMAIL: "(no voicemail)",
  TEXT: "(no texts)",
  EMAIL: "(no email address)",
};

export function attemptButtons(detail: InquiryDetail): AttemptButton[] {
  return CONTACT_ATTEMPT_OPTIONS.map((option) => {
    const subject = CONSENT_FOR_CHANNEL[option.channel];
    const granted = detail.consents.current.get(subject)?.granted === true;
    return { value: `${option.channel}:${option.outcome}`, label: option.label, refusal: granted ? null : (REFUSAL[subject] ?? "(not agreed)") };
  });
}

export function attemptRows(detail: InquiryDetail, timeZone: string): AttemptRow[] {
  return detail.attempts.map((attempt) => ({
    id: attempt.id,
    when: formatClinicTime(attempt.attemptedAt, timeZone),
    who: attempt.staffName ?? "A former staff member",
    what: attemptLabel(attempt.channel, attempt.outcome),
    followUp: attempt.nextFollowUpAt ? formatClinicTime(attempt.nextFollowUpAt, timeZone) : "",
  }));
}

export function duplicateRows(detail: InquiryDetail, timeZone: string): DuplicateRow[] {
  return detail.duplicates.map((candidate) => ({
    id: candidate.id,
    referenceCode: candidate.referenceCode,
    stageLabel: candidate.duplicateState === "CONFIRMED" ? "closed as a duplicate" : (detail.stageLabels.get(candidate.status) ?? candidate.status),
    received: formatClinicTime(candidate.createdAt, timeZone),
    match: candidate.samePhone && candidate.sameEmail ? "phone and email" : candidate.samePhone ? "phone" : "email",
    canBeOriginal: candidate.duplicateState !== "CONFIRMED",
  }));
}
