"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { StaffNotActiveError } from "@/lib/triage/triage-errors";
import { WebhookEndpointSchema } from "@/lib/validations/webhook-endpoint";
import { changeWebhookEndpoint } from "@/lib/webhooks/change-webhook-endpoint";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { WebhookRefusedError } from "@/lib/webhooks/webhook-errors";

// `secret` is set only in the answer to the request that generated it: it is
// shown once and never stored in the clear.
export type WebhookActionState = {
  ok?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  secret?: string;
  // The submitted values of a refused form, so the form keeps them.
  values?: { name: string; url: string; format: string; events: string[] };
};

const PAGE = "/staff/admin/webhooks";
const Command = z.object({ endpointId: z.uuid(), command: z.enum(["test", "rotate", "pause", "resume", "delete"]) });

// Re-checks the admin role itself: the page's check is not enough.
async function asAdmin(work: (admin: Awaited<ReturnType<typeof requireStaffAction>>) => Promise<WebhookActionState>): Promise<WebhookActionState> {
  try {
    return await work(await requireStaffAction({ role: "admin" }));
  } catch (error) {
    if (error instanceof StaffAccessDeniedError || error instanceof StaffNotActiveError) return { formError: "Only administrators can do that." };
    if (error instanceof WebhookRefusedError) return error.field ? { fieldErrors: { [error.field]: error.message } } : { formError: error.message };
    throw error;
  }
}

export async function createWebhookAction(_previous: WebhookActionState, form: FormData): Promise<WebhookActionState> {
  const text = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const values = { name: text("name"), url: text("url"), format: text("format"), events: form.getAll("events").map(String) };
  const refused = await asAdmin(async (admin) => {
    const parsed = WebhookEndpointSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return { fieldErrors };
    }
    const created = await createWebhookEndpoint({ admin, input: parsed.data });
    revalidatePath(PAGE);
    return { ok: "Endpoint added. Copy its signing secret now: it is not shown again.", secret: created.secret };
  });
  return refused.fieldErrors ? { ...refused, values } : refused;
}

export async function webhookCommandAction(_previous: WebhookActionState, form: FormData): Promise<WebhookActionState> {
  return asAdmin(async (admin) => {
    const parsed = Command.safeParse({ endpointId: form.get("endpointId"), command: form.get("command") });
    if (!parsed.success) return { formError: "Unknown endpoint or command." };
    const { endpointId, command } = parsed.data;
    let state: WebhookActionState;
    if (command === "test") {
      const result = await sendTestWebhook({ admin, endpointId });
      state = result.ok
        ? { ok: `Test event delivered (HTTP ${result.statusCode}, ${result.latencyMs} ms).` }
        : { formError: `Test event not delivered: ${result.error ?? "failed"} after ${result.latencyMs} ms.` };
    } else if (command === "rotate") {
      const rotated = await rotateWebhookSecret({ admin, endpointId });
      state = {
        ok: `New secret below; copy it now. Until ${rotated.overlapUntil.toISOString().replace("T", " ").slice(0, 16)} UTC messages carry signatures for both the new and the old secret.`,
        secret: rotated.secret,
      };
    } else {
      await changeWebhookEndpoint({ admin, endpointId, command });
      state = { ok: command === "delete" ? "Endpoint deleted." : command === "pause" ? "Endpoint paused." : "Endpoint resumed." };
    }
    revalidatePath(PAGE);
    return state;
  });
}
