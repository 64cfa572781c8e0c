import { Webhook } from "standardwebhooks";
import { buildWebhookBody } from "@/lib/webhooks/build-webhook-body";
import { checkWebhookUrl } from "@/lib/webhooks/check-webhook-url";
import { signWebhook } from "@/lib/webhooks/sign-webhook";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import type { WebhookFacts } from "@/lib/webhooks/webhook-payload";

const facts: WebhookFacts = {
  event: "inquiry.urgent_received",
  referenceCode: "K7Q3-M9TD",
  urgent: true,
  stage: "NEW",
  occurredAt: new Date("2026-12-06T10:00:00Z"),
  recordUrl: "https://intake.example.org/staff/inquiries/0b6f2a9e-3c1d-4c4e-9b7a-2f1e5d6c7b8a",
};

describe("checkWebhookUrl", () => {
  it.each([
    ["https://hooks.slack.com/services/T/B/x", true, true],
    ["http://127.0.0.1:4000/hook", false, true],
    ["http://localhost:4000/hook", false, true],
    ["http://[::1]:4000/hook", false, true],
    ["http://127.0.0.1:4000/hook", true, false],
    ["http://receiver.example.org/hook", false, false],
    ["https://user:pass@receiver.example.org/hook", true, false],
    ["ftp://receiver.example.org/", true, false],
    ["not a url", true, false],
  ])("%s in production=%s → allowed %s", (url, production, allowed) => {
    expect(checkWebhookUrl(url, { production }).ok).toBe(allowed);
  });
});

describe("buildWebhookBody", () => {
  it("sends the Standard Webhooks shape with only the allowed facts", () => {
    const body = JSON.parse(buildWebhookBody("STANDARD", facts)) as Record<string, unknown>;
    expect(body).toEqual({
      type: "inquiry.urgent_received",
      timestamp: "2026-12-06T10:00:00.000Z",
      data: { referenceCode: "K7Q3-M9TD", urgency: "urgent", stage: "NEW", occurredAt: "2026-12-06T10:00:00.000Z", url: facts.recordUrl },
    });
  });

  it("gives Slack and Teams one sentence and a link", () => {
    expect(JSON.parse(buildWebhookBody("SLACK", facts))).toEqual({ text: `Urgent request K7Q3-M9TD — <${facts.recordUrl}|open in the intake app>` });
    const teams = JSON.parse(buildWebhookBody("TEAMS", facts)) as { attachments: { content: { body: { text: string }[] } }[] };
    expect(teams.attachments[0]?.content.body).toEqual([{ type: "TextBlock", wrap: true, text: `Urgent request K7Q3-M9TD — [open in the intake app](${facts.recordUrl})` }]);
  });

  it.each(WEBHOOK_EVENTS)("has a sentence for %s", (event) => {
    const text = (JSON.parse(buildWebhookBody("SLACK", { ...facts, event })) as { text: string }).text;
    expect(text).toMatch(/K7Q3-M9TD/);
    expect(text).not.toMatch(/undefined/);
  });
});

describe("signWebhook", () => {
  const current = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
  const previous = `whsec_${Buffer.alloc(32, 2).toString("base64")}`;
  const other = `whsec_${Buffer.alloc(32, 3).toString("base64")}`;

  it("produces headers the library verifies, with one signature per secret", () => {
    const body = buildWebhookBody("STANDARD", facts);
    const headers = signWebhook({ id: "msg_1", timestamp: new Date(), body, secrets: [current, previous] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toMatchObject({ type: "inquiry.urgent_received" });
    expect(new Webhook(previous).verify(body, headers)).toMatchObject({ type: "inquiry.urgent_received" });
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
  });

  it("is refused by the verifier once older than its five-minute replay window", () => {
    const body = buildWebhookBody("STANDARD", facts);
    const headers = signWebhook({ id: "msg_2", timestamp: new Date(Date.now() - 6 * 60_000), body, secrets: [current] });
    expect(() => new Webhook(current).verify(body, headers)).toThrow(/too old/);
  });
});
