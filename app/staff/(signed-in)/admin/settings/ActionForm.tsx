"use client";

import { useActionState } from "react";
import type { SettingsFormState } from "@/app/staff/(signed-in)/admin/settings/form-state";

// One small settings form around a server action: its fields come in as
// children, and its outcome is announced next to the button.
export function ActionForm(props: {
  action: (previous: SettingsFormState, form: FormData) => Promise<SettingsFormState>;
  submitLabel: string;
  label: string;
  children: React.ReactNode;
  danger?: boolean;
}) {
  const [state, action, pending] = useActionState(props.action, {});
  const problem = state.formError ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={action} className="settings-inline" aria-label={props.label}>
      {props.children}
      <button className={props.danger ? "button-secondary button-danger" : "button-secondary"} type="submit" disabled={pending}>
        {props.submitLabel}
      </button>
      <span role="status" className={problem ? "field-error" : undefined}>
        {problem ?? state.ok ?? ""}
      </span>
    </form>
  );
}
