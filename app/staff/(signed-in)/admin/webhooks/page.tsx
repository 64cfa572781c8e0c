import type { Metadata } from "next";
import { TableScroll } from "@/components/staff/TableScroll";
import { WebhookCommandForm } from "@/components/staff/WebhookCommandForm";
import { WebhookEndpointForm } from "@/components/staff/WebhookEndpointForm";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listWebhookEndpoints, type WebhookEndpointView } from "@/lib/webhooks/list-webhook-endpoints";
import { createWebhookAction, webhookCommandAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

const utc = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
const FORMAT_NAMES = { STANDARD: "Standard Webhooks JSON", SLACK: "Slack", TEAMS: "Microsoft Teams" } as const;

// Webhook endpoints: register, test, rotate the secret, pause, delete, and a
// delivery log of outcomes only (never a payload, never a response body).
// Nothing here opens an inquiry, so the view is not audited; every change is.
export default async function WebhooksPage() {
  await requireStaffPage({ role: "admin" });
  const endpoints = await listWebhookEndpoints();
  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Tell other systems (your own, Slack, Microsoft Teams, Zapier, n8n) when something happens. A message carries only the event, the
        reference code, urgency, stage, times and a link that opens the record after sign-in: never a name, contact detail, answer or note.
        Messages are signed (Standard Webhooks); see <code>docs/integrations.md</code> for how receivers verify them.
      </p>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add an endpoint</h2>
        <WebhookEndpointForm create={createWebhookAction} />
      </section>
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        {endpoints.length === 0 ? <p>None yet.</p> : endpoints.map((endpoint) => <Endpoint key={endpoint.id} endpoint={endpoint} />)}
      </section>
    </>
  );
}

function Endpoint({ endpoint }: { endpoint: WebhookEndpointView }) {
  const headingId = `endpoint-${endpoint.id}`;
  return (
    <article aria-labelledby={headingId} className="webhook-endpoint">
      <h3 id={headingId}>{endpoint.name}</h3>
      {endpoint.pausedAt ? (
        <p className="alert alert--error">
          Paused {endpoint.pausedReason === "failures" ? `after ${endpoint.consecutiveFailures} failed deliveries in a row` : "by an administrator"} since{" "}
          {utc(endpoint.pausedAt)}. {endpoint.queued} message(s) wait for it; resume once the receiver works again.
        </p>
      ) : null}
      <dl className="webhook-facts">
        <dt>Receiver</dt>
        <dd>{endpoint.urlOrigin}/…</dd>
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[endpoint.format]}</dd>
        <dt>Events</dt>
        <dd>{endpoint.events.join(", ")}</dd>
        <dt>Waiting to be sent</dt>
        <dd>{endpoint.queued}</dd>
        {endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() ? (
          <>
            <dt>Old secret also signs until</dt>
            <dd>{utc(endpoint.previousSecretUntil)}</dd>
          </>
        ) : null}
      </dl>
      <div className="button-row">
        <WebhookCommandForm run={webhookCommandAction} endpointId={endpoint.id} command="test" label={`Send test event to ${endpoint.name}`} />
        <WebhookCommandForm run={webhookCommandAction} endpointId={endpoint.id} command="rotate" label={`New secret for ${endpoint.name}`} />
        {endpoint.pausedAt ? (
          <WebhookCommandForm run={webhookCommandAction} endpointId={endpoint.id} command="resume" label={`Resume ${endpoint.name}`} />
        ) : (
          <WebhookCommandForm run={webhookCommandAction} endpointId={endpoint.id} command="pause" label={`Pause ${endpoint.name}`} />
        )}
        <WebhookCommandForm run={webhookCommandAction} endpointId={endpoint.id} command="delete" label={`Delete ${endpoint.name}`} danger />
      </div>
      <TableScroll label={`Recent deliveries to ${endpoint.name}`}>
        <table>
          <caption className="note">Last {endpoint.deliveries.length} attempts, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Outcome</th>
              <th scope="col">Latency</th>
            </tr>
          </thead>
          <tbody>
            {endpoint.deliveries.map((delivery) => (
              <tr key={delivery.id.toString()}>
                <td>{utc(delivery.attemptedAt)}</td>
                <td>
                  <code>{delivery.event}</code>
                </td>
                <td>{delivery.attempt}</td>
                <td>{delivery.ok ? `Delivered (HTTP ${delivery.statusCode})` : `Failed: ${delivery.error ?? "unknown"}`}</td>
                <td>{delivery.latencyMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </article>
  );
}
