"use client";

import { useActionState } from "react";
import type { AdminActionState } from "@/app/staff/(signed-in)/admin/users/actions";

// A small form around one admin server action, announcing its outcome.
export function AdminActionForm(props: {
  action: (previous: AdminActionState, form: FormData) => Promise<AdminActionState>;
  hidden: Record<string, string>;
  label: string;
  danger?: boolean;
}) {
  const [state, action, pending] = useActionState(props.action, {});
  return (
    <form action={action}>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className={props.danger ? "button-secondary button-danger" : "button-secondary"} type="submit" disabled={pending}>
        {props.label}
      </button>
      <span role="status">{state.formError ?? state.ok ?? ""}</span>
    </form>
  );
}
