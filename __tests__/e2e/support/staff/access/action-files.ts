// The files that hold the staff area's server actions (as the build's
// manifest names them, "file#export"), and the refusals they answer with:
// one place for the authorisation matrix and the hostile-input spec.
export const INQUIRY_ACTIONS = "app/staff/(signed-in)/inquiries/[id]/actions.ts";
export const SETTINGS_ACTIONS = "app/staff/(signed-in)/admin/settings/actions.ts";
export const RETENTION_ACTIONS = "app/staff/(signed-in)/admin/retention/actions.ts";
export const CLOSURE_ACTIONS = "app/staff/(signed-in)/admin/settings/closures/actions.ts";
export const CLINIC_ACTION = "app/staff/(signed-in)/admin/settings/clinic/actions.ts#saveClinicDetailsAction";
export const WEBHOOK_ACTIONS = "app/staff/(signed-in)/admin/webhooks/actions.ts";
export const ACCOUNT_ACTIONS = "app/staff/(signed-in)/account/actions.ts";
export const USER_ACTIONS = "app/staff/(signed-in)/admin/users/actions.ts";
export const CONFIRM_ACTION = "app/staff/(signed-in)/confirm/actions.ts#confirmIdentityAction";
export const SEARCH_ACTION = "app/staff/(signed-in)/inquiries/search-action.ts#searchInboxAction";

// What runStaffAction answers a caller without the session or role.
export const TRIAGE_REFUSAL = "Your session has ended. Sign in again, then repeat this step.";
export const ADMIN_REFUSAL = "Only administrators can do that.";
// What the account and "Confirm it's you" actions answer without a session.
export const STAFF_REFUSAL = "Sign in again first.";
