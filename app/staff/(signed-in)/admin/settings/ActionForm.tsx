"use client";

import { useActionState } from "react";
import { outcomeOf, type ActionState } from "@/lib/actions/action-state";

// One small settings form around a server action: its fields come in as
// children, and its outcome is announced next to the button.
export function ActionForm(props: {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  label: string;
  children: React.ReactNode;
  danger?: boolean;
}) {
  const [state, action, pending] = useActionState(props.action, null);
  const outcome = outcomeOf(state);
  return (
    <form action={action} className="settings-inline" aria-label={props.label}>
      {props.children}
      <button className={props.danger ? "button-secondary button-danger" : "button-secondary"} type="submit" disabled={pending}>
        {props.submitLabel}
      </button>
      <span role="status" className={outcome.problem ? "field-error" : undefined}>
        {outcome.text}
      </span>
    </form>
  );
}
