"use server";

import { z } from "zod";
import { type ActionState } from "@/lib/actions/action-state";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { retryFailedNotifications } from "@/lib/notifications/retry-failed-notifications";

const Retry = z.object({ notificationId: z.union([z.uuid(), z.literal("all")], "Unknown notification.") });

export async function retryNotificationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runStaffAction({
    access: "admin",
    input: { notificationId: form.get("notificationId") },
    schema: Retry,
    revalidate: "/staff/admin/notifications",
    work: async (admin, { notificationId }) => {
      const count = await retryFailedNotifications({ admin, notificationId: notificationId === "all" ? undefined : notificationId });
      return { ok: true, message: count === 0 ? "Nothing to retry: it was already back in the queue." : `${count} queued to send again.` };
    },
  });
}
