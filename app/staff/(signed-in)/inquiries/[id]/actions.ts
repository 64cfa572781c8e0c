"use server";

import { type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { recordEhrDisclosureConsent } from "@/lib/fhir/record-ehr-disclosure-consent";
import { recordVerification } from "@/lib/insurance/record-verification";
import { saveCoverage } from "@/lib/insurance/save-coverage";
import { addInquiryNote } from "@/lib/triage/notes/add-inquiry-note";
import { assignInquiry } from "@/lib/triage/pipeline/assign-inquiry";
import { changeInquiryStage } from "@/lib/triage/pipeline/change-inquiry-stage";
import { continueContactAttempts } from "@/lib/triage/pipeline/continue-contact-attempts";
import { editInquiryNote } from "@/lib/triage/notes/edit-inquiry-note";
import { logContactAttempt } from "@/lib/triage/pipeline/log-contact-attempt";
import { resolveDuplicate } from "@/lib/triage/duplicates/resolve-duplicate";
import {
  AddNoteSchema,
  AssignmentSchema,
  CloseInquirySchema,
  ContactAttemptSchema,
  ContinueAttemptsSchema,
  DuplicateDecisionSchema,
  EditNoteSchema,
  StageChangeSchema,
} from "@/lib/validations/triage-commands";
import { EhrDisclosureConsentSchema } from "@/lib/validations/ehr-disclosure-consent";
import { CoverageEntrySchema, VerificationEntrySchema } from "@/lib/validations/insurance-entry";
import { followUpInstant } from "./follow-up-instant";

// One action per form of the inquiry detail page. Each re-checks the session
// itself (runStaffAction) and calls one domain function, which checks the
// account and the rules again inside its transaction.

const onRecord = (input: { inquiryId: string }) => `/staff/inquiries/${input.inquiryId}`;
const done = (message: string): ActionState => ({ ok: true, message });

export async function changeStageAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: StageChangeSchema,
    work: async (staff, input) => {
      await changeInquiryStage({ actor: staff, ...input });
      return done("Stage changed.");
    },
  });
}

export async function closeInquiryAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: CloseInquirySchema,
    work: async (staff, input) => {
      await changeInquiryStage({ actor: staff, inquiryId: input.inquiryId, expectedStage: input.expectedStage, ...input.exit });
      return done("Inquiry closed.");
    },
  });
}

export async function assignAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: AssignmentSchema,
    work: async (staff, input) => {
      const assigneeId = input.assigneeId === "me" ? staff.user.id : input.assigneeId || null;
      const { changed } = await assignInquiry({ actor: staff, inquiryId: input.inquiryId, assigneeId });
      if (!changed) return done("No change: it was already so.");
      return done(assigneeId === null ? "Unassigned." : assigneeId === staff.user.id ? "Assigned to you." : "Assigned.");
    },
  });
}

export async function logAttemptAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: ContactAttemptSchema,
    work: async (staff, input) => {
      const nextFollowUpAt = await followUpInstant(input.nextFollowUpAt);
      const result = await logContactAttempt({ actor: staff, inquiryId: input.inquiryId, ...input.attempt, nextFollowUpAt });
      return done(result.decisionDue ? "Attempt logged. A decision is needed: see below." : "Attempt logged.");
    },
  });
}

export async function continueAttemptsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: ContinueAttemptsSchema,
    work: async (staff, input) => {
      await continueContactAttempts({ actor: staff, inquiryId: input.inquiryId, nextFollowUpAt: await followUpInstant(input.nextFollowUpAt) });
      return done("Recorded: keep trying.");
    },
  });
}

export async function addNoteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: AddNoteSchema,
    work: async (staff, input) => {
      await addInquiryNote({ actor: staff, ...input });
      return done("Note added.");
    },
  });
}

export async function editNoteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: EditNoteSchema,
    work: async (staff, input) => {
      const { versionId } = await editInquiryNote({ actor: staff, ...input });
      return done(versionId ? "Note updated; the earlier wording is kept." : "No change to save.");
    },
  });
}

export async function resolveDuplicateAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: DuplicateDecisionSchema,
    work: async (staff, input) => {
      await resolveDuplicate({ actor: staff, ...input });
      return done(input.decision === "confirm" ? "Closed as a duplicate and linked." : "Marked as not a duplicate.");
    },
  });
}

export async function recordEhrConsentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: EhrDisclosureConsentSchema,
    work: async (staff, input) => {
      const granted = input.decision === "grant";
      await recordEhrDisclosureConsent({ actor: staff, inquiryId: input.inquiryId, granted, recipient: input.recipient, includeReferrer: input.includeReferrer });
      return done(granted ? "Consent to disclose recorded." : "Withdrawal recorded: the record can no longer be handed off.");
    },
  });
}

// Issue 12: insurance and the verification of benefits (coordinators and admins).
export async function saveCoverageAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: CoverageEntrySchema,
    work: async (staff, entry) => {
      const { outcome } = await saveCoverage({ actor: staff, entry });
      const which = entry.rank === "PRIMARY" ? "Primary" : "Secondary";
      return done(outcome === "removed" ? `${which} coverage removed.` : outcome === "unchanged" ? "Nothing to save." : `${which} coverage saved.`);
    },
  });
}

export async function recordVerificationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    input: Object.fromEntries(form),
    revalidate: onRecord,
    schema: VerificationEntrySchema,
    work: async (staff, entry) => {
      await recordVerification({ actor: staff, entry });
      return done("Verification saved.");
    },
  });
}
