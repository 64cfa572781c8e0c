import "server-only";
import { StaffAdminRefusedError } from "@/lib/auth/admin/change-staff-role";
import type { StaffContext } from "@/lib/auth/require-staff";

// A second guard inside each admin operation: the actions check the role
// first, and this makes the domain functions safe to call from anywhere.
export function assertAdmin(staff: StaffContext): void {
  if (staff.user.role !== "admin") throw new StaffAdminRefusedError("Only administrators can do that.");
}
