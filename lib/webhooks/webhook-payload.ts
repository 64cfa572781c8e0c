import type { WebhookEvent } from "@/lib/webhooks/webhook-events";

// Everything a webhook may ever say about an inquiry. Confidentiality rule 1
// holds for webhooks as for email: a reference code, urgency, stages,
// timestamps and a link that opens the record after sign-in. There is no
// field here for a name, contact detail, answer or note, so no format built
// from this type can carry one.
// "webhook.test" is the admin's "send test event", never queued.
export type WebhookFacts = {
  event: WebhookEvent | "webhook.test";
  referenceCode: string;
  urgent: boolean;
  stage: string;
  previousStage?: string;
  occurredAt: Date;
  recordUrl: string;
};

export type StandardWebhookPayload = {
  type: WebhookFacts["event"];
  timestamp: string;
  data: {
    referenceCode: string;
    urgency: "urgent" | "routine";
    stage: string;
    previousStage?: string;
    occurredAt: string;
    url: string;
  };
};

// The Standard Webhooks payload shape: { type, timestamp, data }.
export function standardWebhookPayload(facts: WebhookFacts): StandardWebhookPayload {
  return {
    type: facts.event,
    timestamp: facts.occurredAt.toISOString(),
    data: {
      referenceCode: facts.referenceCode,
      urgency: facts.urgent ? "urgent" : "routine",
      stage: facts.stage,
      ...(facts.previousStage ? { previousStage: facts.previousStage } : {}),
      occurredAt: facts.occurredAt.toISOString(),
      url: facts.recordUrl,
    },
  };
}
