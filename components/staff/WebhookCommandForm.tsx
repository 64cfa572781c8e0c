"use client";

import { useActionState } from "react";
import { outcomeOf } from "@/lib/actions/action-state";
import type { WebhookActionState, WebhookFormAction } from "@/lib/webhooks/webhook-action-state";
import { WebhookSecret } from "@/components/staff/WebhookSecret";

// One button for one command on one endpoint, announcing its outcome.
export function WebhookCommandForm(props: { endpointId: string; command: string; label: string; danger?: boolean; run: WebhookFormAction }) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(props.run, null);
  const outcome = outcomeOf(state);
  return (
    <form action={action}>
      <input type="hidden" name="endpointId" value={props.endpointId} />
      <input type="hidden" name="command" value={props.command} />
      <button className={props.danger ? "button-secondary button-danger" : "button-secondary"} type="submit" disabled={pending}>
        {props.label}
      </button>
      <span role="status" className={outcome.problem ? "field-error" : undefined}>
        {outcome.text}
      </span>
      {state?.ok && state.secret ? <WebhookSecret secret={state.secret} /> : null}
    </form>
  );
}
