"use client";

import { useActionState } from "react";
import { outcomeOf } from "@/lib/actions/action-state";
import type { WebhookActionState, WebhookFormAction } from "@/lib/webhooks/webhook-action-state";
import { WebhookSecret } from "@/components/staff/WebhookSecret";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";

const FORMATS = [
  { value: "STANDARD", label: "Standard Webhooks JSON (for your own systems, Zapier, n8n)" },
  { value: "SLACK", label: "Slack incoming webhook" },
  { value: "TEAMS", label: "Microsoft Teams incoming webhook (workflow)" },
] as const;

// Works without JavaScript (a plain form post to the server action); with
// it, errors appear next to their fields and the secret below the form.
// `create` is the page's server action (components never import from app/).
export function WebhookEndpointForm(props: { create: WebhookFormAction }) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(props.create, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const outcome = outcomeOf(state);
  // React resets a form after its action; a refused one comes back with what was typed.
  const kept = state && !state.ok ? state.values : undefined;
  const keptText = (name: string) => {
    const value = kept?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const keptEvents = Array.isArray(kept?.events) ? kept.events.map(String) : undefined;
  const describe = (field: string) => (errors[field] ? `webhook-${field}-error` : undefined);
  const message = (field: string) =>
    errors[field] ? (
      <p id={`webhook-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;
  return (
    <form action={action} noValidate aria-label="Add a webhook endpoint">
      <div className={errors.name ? "field field--error" : "field"}>
        <label htmlFor="webhook-name">Name</label>
        {message("name")}
        <input id="webhook-name" name="name" maxLength={80} required defaultValue={keptText("name")} aria-invalid={Boolean(errors.name)} aria-describedby={describe("name")} />
      </div>
      <div className={errors.url ? "field field--error" : "field"}>
        <label htmlFor="webhook-url">Receiver address (https://…)</label>
        {message("url")}
        <input id="webhook-url" name="url" type="url" required defaultValue={keptText("url")} aria-invalid={Boolean(errors.url)} aria-describedby={describe("url")} />
      </div>
      <fieldset className={errors.format ? "field field--error" : "field"} aria-describedby={describe("format")}>
        <legend>Format</legend>
        {message("format")}
        {FORMATS.map((format, index) => (
          <label key={format.value} className="choice">
            <input type="radio" name="format" value={format.value} defaultChecked={kept ? keptText("format") === format.value : index === 0} /> {format.label}
          </label>
        ))}
      </fieldset>
      <fieldset className={errors.events ? "field field--error" : "field"} aria-describedby={describe("events")}>
        <legend>Events</legend>
        {message("events")}
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="choice">
            <input type="checkbox" name="events" value={event} defaultChecked={keptEvents?.includes(event)} /> {WEBHOOK_EVENT_LABELS[event]} <code>{event}</code>
          </label>
        ))}
      </fieldset>
      <button className="button-primary" type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add endpoint"}
      </button>
      <p role="status" className={state && !state.ok && state.formError ? "alert alert--error" : undefined}>
        {state && !state.ok ? (state.formError ?? "") : outcome.text}
      </p>
      {state?.ok && state.secret ? <WebhookSecret secret={state.secret} /> : null}
    </form>
  );
}
