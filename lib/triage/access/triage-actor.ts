import type { StaffContext } from "@/lib/auth/require-staff";

// Who does a triage command, and from where: the signed-in staff member's
// context as requireStaffPage / requireStaffAction return it.
export type TriageActor = Pick<StaffContext, "user" | "request">;
