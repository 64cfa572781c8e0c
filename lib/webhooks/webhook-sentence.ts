import type { WebhookFacts } from "@/lib/webhooks/webhook-payload";

const STAGE_WORDS: Record<string, string> = {
  NEW: "new",
  CONTACT_ATTEMPTED: "contact attempted",
  REACHED: "reached",
  SCREENING_SCHEDULED: "screening scheduled",
  ADMITTED: "admitted",
  REFERRED_ELSEWHERE: "referred elsewhere",
  NOT_A_FIT: "not a fit",
  UNREACHABLE: "unreachable",
  WITHDREW: "withdrew",
};

// The one sentence a chat message says (Slack, Teams): what happened to which
// reference, and where to open it. Nothing else, so a chat channel with
// broad membership learns no more than a staff email would tell.
export function webhookSentence(facts: WebhookFacts): string {
  const request = `${facts.urgent ? "Urgent request" : "Request"} ${facts.referenceCode}`;
  switch (facts.event) {
    case "inquiry.received":
    case "inquiry.urgent_received":
      return `${facts.urgent ? "Urgent request" : "New request"} ${facts.referenceCode}`;
    case "inquiry.stage_changed":
      return `${request} moved to "${STAGE_WORDS[facts.stage] ?? facts.stage.toLowerCase()}"`;
    case "inquiry.escalated":
      return `${request} is waiting past the response target`;
    case "inquiry.admitted":
      return `${request} was admitted`;
    case "webhook.test":
      return `Test message for request ${facts.referenceCode}`;
  }
}
