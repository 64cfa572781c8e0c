import { Webhook } from "standardwebhooks";

export type WebhookHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

// Standard Webhooks signing. While a rotated-out secret is still within its
// overlap, the message is signed with both secrets, space-separated (the
// specification allows several signatures), so a receiver that has not yet
// switched keeps verifying.
export function signWebhook(options: { id: string; timestamp: Date; body: string; secrets: string[] }): WebhookHeaders {
  const signatures = options.secrets.map((secret) => new Webhook(secret).sign(options.id, options.timestamp, options.body));
  return {
    "webhook-id": options.id,
    "webhook-timestamp": String(Math.floor(options.timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
