"use client";

import { useActionState } from "react";
import { useDetailActions } from "./detail-actions";
import { FormOutcome } from "./FormOutcome";
import { onSubmitOnce } from "./use-panel-action";

// After calling or texting from the record: one click logs what happened,
// through the same command as the contact-attempts panel (same checks, same
// audit entry). Works without JavaScript as a plain form post.
export function OutreachLogForm(props: { inquiryId: string; legend: string; outcomes: { value: string; label: string }[] }) {
  const { logAttempt } = useDetailActions();
  const [state, action, pending] = useActionState(logAttempt, null);
  return (
    <form action={action} onSubmit={onSubmitOnce(pending)}>
      <input type="hidden" name="inquiryId" value={props.inquiryId} />
      <fieldset className="field">
        <legend>{props.legend}</legend>
        <ul className="attempt-buttons">
          {props.outcomes.map((outcome) => (
            <li key={outcome.value}>
              <button className="button-secondary" type="submit" name="attempt" value={outcome.value} aria-disabled={pending}>
                {outcome.label}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormOutcome state={state} />
    </form>
  );
}
