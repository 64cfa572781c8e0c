import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";

export const WEBHOOK_FORMATS = ["STANDARD", "SLACK", "TEAMS"] as const;

// The admin's "add endpoint" form. Whether the URL's scheme and host are
// allowed depends on the environment (check-webhook-url.ts), so that check
// is the server's, after this one.
export const WebhookEndpointSchema = z.object({
  name: z.string().trim().min(1, "Give the endpoint a name.").max(80, "At most 80 characters."),
  url: z.string().trim().min(1, "Enter the receiver's address.").max(2000, "At most 2,000 characters."),
  format: z.enum(WEBHOOK_FORMATS, "Choose a format."),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event."),
});

export type WebhookEndpointInput = z.infer<typeof WebhookEndpointSchema>;
