import type { WebhookFormat } from "@/lib/db/generated/enums";
import { standardWebhookPayload, type WebhookFacts } from "@/lib/webhooks/webhook-payload";
import { webhookSentence } from "@/lib/webhooks/webhook-sentence";

const OPEN = "open in the intake app";

// The request body for an endpoint's format. Slack and Teams incoming
// webhooks show the text as is, so they get one sentence and a link; the
// standard format is the Standard Webhooks JSON for code to consume.
export function buildWebhookBody(format: WebhookFormat, facts: WebhookFacts): string {
  const sentence = webhookSentence(facts);
  switch (format) {
    case "STANDARD":
      return JSON.stringify(standardWebhookPayload(facts));
    case "SLACK":
      // Slack's mrkdwn link syntax; "<", ">" and "&" cannot occur in the
      // sentence (a reference code, fixed words) or in our own URL.
      return JSON.stringify({ text: `${sentence} — <${facts.recordUrl}|${OPEN}>` });
    case "TEAMS":
      // A Teams "incoming webhook" workflow posts an Adaptive Card.
      return JSON.stringify({
        type: "message",
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            contentUrl: null,
            content: {
              $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
              type: "AdaptiveCard",
              version: "1.4",
              body: [{ type: "TextBlock", wrap: true, text: `${sentence} — [${OPEN}](${facts.recordUrl})` }],
            },
          },
        ],
      });
  }
}
