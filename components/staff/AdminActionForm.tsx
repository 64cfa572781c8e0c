"use client";

import { useActionState } from "react";
import { outcomeOf, type ActionState } from "@/lib/actions/action-state";

// A small form around one admin server action, announcing its outcome.
export function AdminActionForm(props: {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  label: string;
  danger?: boolean;
}) {
  const [state, action, pending] = useActionState(props.action, null);
  return (
    <form action={action}>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className={props.danger ? "button-secondary button-danger" : "button-secondary"} type="submit" disabled={pending}>
        {props.label}
      </button>
      <span role="status">{outcomeOf(state).text}</span>
    </form>
  );
}
