"use client";

import { useActionState } from "react";
import { webhookCommandAction, type WebhookActionState } from "@/app/staff/(signed-in)/admin/webhooks/actions";
import { WebhookSecret } from "@/components/staff/WebhookSecret";

// One button for one command on one endpoint, announcing its outcome.
export function WebhookCommandForm(props: { endpointId: string; command: string; label: string; danger?: boolean }) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(webhookCommandAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="endpointId" value={props.endpointId} />
      <input type="hidden" name="command" value={props.command} />
      <button className={props.danger ? "button-secondary button-danger" : "button-secondary"} type="submit" disabled={pending}>
        {props.label}
      </button>
      <span role="status" className={state.formError ? "field-error" : undefined}>
        {state.formError ?? state.ok ?? ""}
      </span>
      {state.secret ? <WebhookSecret secret={state.secret} /> : null}
    </form>
  );
}
