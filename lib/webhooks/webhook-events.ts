// The events a webhook endpoint can subscribe to. The names are part of the
// public contract (docs/integrations.md) and of the submission statement
// (lib/inquiries/store-inquiry-statement.ts writes the first two in SQL).
export const WEBHOOK_EVENTS = [
  "inquiry.received",
  "inquiry.urgent_received",
  "inquiry.stage_changed",
  "inquiry.escalated",
  "inquiry.admitted",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "inquiry.received": "Inquiry received (every new request)",
  "inquiry.urgent_received": "Urgent inquiry received",
  "inquiry.stage_changed": "Stage changed",
  "inquiry.escalated": "Urgent inquiry overdue (escalated)",
  "inquiry.admitted": "Admitted",
};

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
