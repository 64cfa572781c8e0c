import type { TestInquiry } from "../test-inquiry";

// Who may open each staff page: the table the authorisation matrix checks
// against the production build (every page in the build needs an entry) and
// the hostile-input spec visits.

/**
 * Pages. `sign-in`: anyone, but a signed-in account is sent on to /staff.
 * `anyone`: reads no session at all. `unenrolled`: only an account that has
 * not enrolled its second factor yet. `staff`: any enrolled account.
 * `admin`: enrolled administrators.
 */
export type PageAccess = "sign-in" | "anyone" | "unenrolled" | "staff" | "admin";
export type PageRule = {
  access: PageAccess;
  /** Text only this page renders: it must never be in a refused answer. */
  content: string;
  /** The page lists other staff (names, emails) to those allowed to see it. */
  listsStaff: boolean;
  /** The page shows the test inquiry's record (names, contact details) to those allowed to see it. */
  showsRecord?: boolean;
  /** A dynamic route: the URL to request. */
  path?: (record: TestInquiry) => string;
};

export const STAFF_PAGES: Record<string, PageRule> = {
  "/staff/sign-in": { access: "sign-in", content: "Staff sign-in", listsStaff: false },
  "/staff/sign-in/verify": { access: "anyone", content: "Open your authenticator app and enter the code", listsStaff: false },
  "/staff/invitation": { access: "anyone", content: "Create your staff account", listsStaff: false },
  "/staff/enrol": { access: "unenrolled", content: "This takes about two minutes", listsStaff: false },
  "/staff/enrol/link": { access: "anyone", content: "Confirm it is you with your staff password", listsStaff: false },
  "/staff/password-reset": { access: "anyone", content: "An administrator asked you to choose a new password", listsStaff: false },
  "/staff/confirm": { access: "staff", content: "Exports, deletions and second-factor resets need your password or a code again", listsStaff: false },
  "/staff": { access: "staff", content: "Waiting for a first call", listsStaff: false },
  "/staff/account": { access: "staff", content: "Ends every session of your account", listsStaff: false },
  "/staff/admin/users": { access: "admin", content: "Invite a colleague", listsStaff: true },
  "/staff/admin/audit": { access: "admin", content: "Entries cannot be changed or deleted", listsStaff: true },
  "/staff/admin/export": { access: "admin", content: "Each export is recorded in the audit log with your reason", listsStaff: true },
  "/staff/admin/notifications": { access: "admin", content: "could not be delivered after every retry", listsStaff: false },
  "/staff/admin/settings": { access: "admin", content: "Rename the stages and choose the order", listsStaff: true },
  "/staff/admin/settings/closures": { access: "admin", content: "Public holidays", listsStaff: false },
  "/staff/admin/settings/clinic": { access: "admin", content: "only seeds a new installation", listsStaff: false },
  "/staff/admin/retention": { access: "admin", content: "An inquiry on legal hold is kept whole", listsStaff: false },
  "/staff/admin/webhooks": { access: "admin", content: "Tell other systems (your own, Slack", listsStaff: false },
  "/staff/admin/embed": { access: "admin", content: "Paste one of these where the button should appear", listsStaff: false },
  "/staff/inquiries": { access: "staff", content: "Keyboard: j and k move between inquiries", listsStaff: true },
  "/staff/inquiries/due": { access: "staff", content: "Later today (", listsStaff: true },
  // Opening a record is an audited view: a refused request must not write one (the digest counts them).
  "/staff/inquiries/[id]": {
    access: "staff",
    content: "Matrix record",
    listsStaff: true,
    showsRecord: true,
    path: (record) => `/staff/inquiries/${record.id}`,
  },
  "/staff/reports": { access: "staff", content: "Report period", listsStaff: false },
  "/staff/inquiries/new": { access: "staff", content: "stored, encrypted and audited exactly like an inquiry from the web form", listsStaff: false },
  "/staff/admin/settings/payers": { access: "admin", content: "The form always offers", listsStaff: false },
};
