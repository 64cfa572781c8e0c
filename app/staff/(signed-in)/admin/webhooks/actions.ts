"use server";

import { z } from "zod";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { WebhookEndpointSchema } from "@/lib/validations/webhook-endpoint";
import type { WebhookActionState } from "@/lib/webhooks/webhook-action-state";
import { changeWebhookEndpoint } from "@/lib/webhooks/change-webhook-endpoint";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";


const PAGE = "/staff/admin/webhooks";
const Command = z.object({ endpointId: z.uuid("Unknown endpoint."), command: z.enum(["test", "rotate", "pause", "resume", "delete"], "Unknown command.") });

export async function createWebhookAction(_previous: WebhookActionState, form: FormData): Promise<WebhookActionState> {
  const text = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const values = { name: text("name"), url: text("url"), format: text("format"), events: form.getAll("events").map(String) };
  return runStaffAction({
    access: "admin",
    input: values,
    schema: WebhookEndpointSchema,
    // A refused form keeps what was typed.
    keep: values,
    revalidate: PAGE,
    work: async (admin, input) => {
      const created = await createWebhookEndpoint({ admin, input });
      return { ok: true, message: "Endpoint added. Copy its signing secret now: it is not shown again.", secret: created.secret };
    },
  });
}

export async function webhookCommandAction(_previous: WebhookActionState, form: FormData): Promise<WebhookActionState> {
  return runStaffAction({
    access: "admin",
    input: { endpointId: form.get("endpointId"), command: form.get("command") },
    schema: Command,
    revalidate: PAGE,
    work: async (admin, { endpointId, command }): Promise<WebhookActionState> => {
      if (command === "test") {
        const result = await sendTestWebhook({ admin, endpointId });
        return result.ok
          ? { ok: true, message: `Test event delivered (HTTP ${result.statusCode}, ${result.latencyMs} ms).` }
          : { ok: false, fieldErrors: {}, formError: `Test event not delivered: ${result.error ?? "failed"} after ${result.latencyMs} ms.` };
      }
      if (command === "rotate") {
        const rotated = await rotateWebhookSecret({ admin, endpointId });
        const until = rotated.overlapUntil.toISOString().replace("T", " ").slice(0, 16);
        return {
          ok: true,
          message: `New secret below; copy it now. Until ${until} UTC messages carry signatures for both the new and the old secret.`,
          secret: rotated.secret,
        };
      }
      await changeWebhookEndpoint({ admin, endpointId, command });
      return { ok: true, message: command === "delete" ? "Endpoint deleted." : command === "pause" ? "Endpoint paused." : "Endpoint resumed." };
    },
  });
}
