// Who may call each server action: the table the authorisation matrix checks
// against the production build (every action in the build needs an entry).

/**
 * Server actions, by "file#export". `anyone`: the ways in (the credential is
 * in the request: password, code, invitation token) and harmless session
 * housekeeping. `unenrolled`, `staff`, `admin`: as for pages. `public-intake`:
 * the public inquiry form's action, outside the staff area (its own specs
 * cover it); listed so that every action in the build is accounted for.
 */
export type ActionAccess = "anyone" | "unenrolled" | "staff" | "admin" | "public-intake";

export const SERVER_ACTIONS: Record<string, ActionAccess> = {
  "app/staff/sign-in/actions.ts#signInAction": "anyone",
  "app/staff/sign-in/actions.ts#verifySecondFactorAction": "anyone",
  "app/staff/invitation/actions.ts#acceptInvitationAction": "anyone",
  "app/staff/session/actions.ts#signOutAction": "anyone",
  "app/staff/session/actions.ts#sessionExpiryAction": "anyone",
  "app/staff/enrol/actions.ts#enrolAction": "unenrolled",
  "app/staff/enrol/link/actions.ts#redeemEnrolmentLinkAction": "anyone",
  "app/staff/password-reset/actions.ts#resetPasswordAction": "anyone",
  "app/staff/(signed-in)/confirm/actions.ts#confirmIdentityAction": "staff",
  "app/staff/(signed-in)/account/actions.ts#changePasswordAction": "staff",
  "app/staff/(signed-in)/account/actions.ts#regenerateRecoveryCodesAction": "staff",
  "app/staff/session/actions.ts#keepSessionAliveAction": "staff",
  "app/staff/(signed-in)/admin/users/actions.ts#inviteStaffAction": "admin",
  "app/staff/(signed-in)/admin/users/actions.ts#staffUserAction": "admin",
  "app/staff/(signed-in)/admin/users/actions.ts#revokeInvitationAction": "admin",
  "app/staff/(signed-in)/admin/notifications/actions.ts#retryNotificationAction": "admin",
  "app/staff/(signed-in)/inquiries/search-action.ts#searchInboxAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#assignAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#addNoteAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#editNoteAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#logAttemptAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#continueAttemptsAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#changeStageAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#closeInquiryAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#resolveDuplicateAction": "staff",
  "app/staff/(signed-in)/admin/settings/actions.ts#saveSettingsAction": "admin",
  "app/staff/(signed-in)/admin/settings/actions.ts#saveStagesAction": "admin",
  "app/staff/(signed-in)/admin/settings/actions.ts#exitReasonAction": "admin",
  "app/staff/(signed-in)/admin/settings/actions.ts#referralSourceAction": "admin",
  "app/staff/(signed-in)/admin/settings/actions.ts#staffLanguagesAction": "admin",
  "app/staff/(signed-in)/admin/settings/closures/actions.ts#closureDayAction": "admin",
  "app/staff/(signed-in)/admin/settings/closures/actions.ts#addHolidaysAction": "admin",
  "app/staff/(signed-in)/admin/settings/clinic/actions.ts#saveClinicDetailsAction": "admin",
  "app/staff/(signed-in)/admin/retention/actions.ts#legalHoldAction": "admin",
  "app/staff/(signed-in)/admin/retention/actions.ts#deletionAction": "admin",
  "app/staff/(signed-in)/admin/webhooks/actions.ts#createWebhookAction": "admin",
  "app/staff/(signed-in)/admin/webhooks/actions.ts#webhookCommandAction": "admin",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#recordEhrConsentAction": "staff",
  "app/[locale]/request/submit-inquiry-action.ts#submitInquiryAction": "public-intake",
  "app/staff/(signed-in)/inquiries/new/actions.ts#enterInquiryAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#saveCoverageAction": "staff",
  "app/staff/(signed-in)/inquiries/[id]/actions.ts#recordVerificationAction": "staff",
  "app/staff/(signed-in)/admin/settings/payers/actions.ts#payerAction": "admin",
};
