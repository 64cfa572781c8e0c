"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AdminActionState } from "@/app/staff/(signed-in)/admin/users/actions";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { retryFailedNotifications } from "@/lib/notifications/retry-failed-notifications";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";

const Retry = z.object({ notificationId: z.union([z.uuid(), z.literal("all")]) });

// Re-checks the admin role itself: the page's check is not enough.
export async function retryNotificationAction(_previous: AdminActionState, form: FormData): Promise<AdminActionState> {
  try {
    const admin = await requireStaffAction({ role: "admin" });
    const parsed = Retry.safeParse({ notificationId: form.get("notificationId") });
    if (!parsed.success) return { formError: "Unknown notification." };
    const { notificationId } = parsed.data;
    const count = await retryFailedNotifications({ admin, notificationId: notificationId === "all" ? undefined : notificationId });
    revalidatePath("/staff/admin/notifications");
    return count === 0 ? { ok: "Nothing to retry: it was already back in the queue." } : { ok: `${count} queued to send again.` };
  } catch (error) {
    if (error instanceof StaffAccessDeniedError || error instanceof StaffNotActiveError) return { formError: "Only administrators can do that." };
    throw error;
  }
}
