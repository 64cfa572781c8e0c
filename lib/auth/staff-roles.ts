// Two roles. Coordinators work inquiries; admins also manage users, settings,
// exports, the audit log and failed notifications.
export const STAFF_ROLES = ["coordinator", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}
