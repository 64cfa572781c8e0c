// Every action the audit trail records, in one typed list, so the audit
// screen, the tests and the writers agree on the names, and a new action is
// a deliberate addition here rather than a string typed somewhere. Metadata
// of every action holds ids, stages, counts and enum values only: never an
// answer, a note, a contact detail or a secret (docs/architecture.md).

// A staff member reading or changing one inquiry.
export const INQUIRY_AUDIT_ACTIONS = [
  "inquiry.viewed",
  "inquiry.created_by_staff",
  "inquiry.searched",
  "inquiry.stage_changed",
  "inquiry.assigned",
  "inquiry.unassigned",
  "inquiry.contact_attempt_logged",
  "inquiry.attempts_continued",
  "inquiry.note_added",
  "inquiry.note_edited",
  "inquiry.duplicate_flagged",
  "inquiry.duplicate_confirmed",
  "inquiry.duplicate_linked",
  "inquiry.duplicate_dismissed",
  "inquiry.ehr_consent_recorded",
  "inquiry.fhir_exported",
  // Issue 12: metadata names the coverage rank and which fields changed, never a value.
  "inquiry.coverage_saved",
  "inquiry.coverage_removed",
  "inquiry.verification_updated",
] as const;

// Administration of the triage: retention, legal holds, exports, settings,
// notification retries, webhooks.
export const ADMIN_AUDIT_ACTIONS = [
  "inquiry.legal_hold.placed",
  "inquiry.legal_hold.lifted",
  "inquiry.deleted_on_request",
  "inquiry.exported",
  "notification.retried",
  "triage.settings.updated",
  "triage.stages.updated",
  "triage.exit_reason.saved",
  "triage.referral_source.saved",
  "staff.languages.updated",
  "triage.closure.added",
  "triage.closure.removed",
  "triage.closure.holidays_added",
  "triage.payer.saved",
  "clinic.details.updated",
  "webhook.created",
  "webhook.secret_rotated",
  "webhook.paused",
  "webhook.resumed",
  "webhook.deleted",
  "webhook.tested",
] as const;

// The staff area's own events: sign-ins, second factor, accounts.
export const STAFF_AUDIT_ACTIONS = [
  "staff.sign_in.succeeded",
  "staff.sign_in.failed",
  "staff.sign_in.locked_out",
  "staff.sign_in.second_factor_failed",
  "staff.sign_out",
  "staff.sign_out_everywhere",
  "staff.session.idle_timeout",
  "staff.session.expired",
  "staff.mfa.enrolled",
  "staff.mfa.recovery_code_used",
  "staff.mfa.recovery_codes_regenerated",
  "staff.mfa.reset_by_admin",
  "staff.mfa.code_replay_refused",
  "staff.mfa.enrolment_link_used",
  "staff.mfa.enrolment_link_created",
  "staff.sign_in.refused_not_enrolled",
  "staff.reauthenticated",
  "staff.reauthentication.failed",
  "staff.password.changed",
  "staff.password.reset_link_sent",
  "staff.password.reset_by_link",
  "staff.invitation.sent",
  "staff.invitation.revoked",
  "staff.invitation.accepted",
  "staff.admin.created",
  "staff.role.changed",
  "staff.user.disabled",
  "staff.user.enabled",
  "staff.access.denied",
] as const;

// Written by the public form or the app's own jobs, never by a person in the
// staff area. ("webhook.paused" is also here: the delivery worker pauses an
// endpoint that keeps failing, as an admin can.)
export const SYSTEM_AUDIT_ACTIONS = [
  "inquiry.created",
  "inquiry.escalated",
  "inquiry.anonymised",
  "retention.purge.completed",
  "webhook.paused",
] as const;

export type InquiryAuditAction = (typeof INQUIRY_AUDIT_ACTIONS)[number];
export type AdminAuditAction = (typeof ADMIN_AUDIT_ACTIONS)[number];
export type StaffAuditAction = (typeof STAFF_AUDIT_ACTIONS)[number];
export type SystemAuditAction = (typeof SYSTEM_AUDIT_ACTIONS)[number];
export type AuditAction = InquiryAuditAction | AdminAuditAction | StaffAuditAction | SystemAuditAction;

export const AUDIT_ACTIONS: ReadonlySet<string> = new Set<AuditAction>([
  ...INQUIRY_AUDIT_ACTIONS,
  ...ADMIN_AUDIT_ACTIONS,
  ...STAFF_AUDIT_ACTIONS,
  ...SYSTEM_AUDIT_ACTIONS,
]);

export function isAuditAction(value: string): value is AuditAction {
  return AUDIT_ACTIONS.has(value);
}
