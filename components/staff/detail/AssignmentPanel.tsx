"use client";

import { useActionState } from "react";
import { useDetailActions } from "./detail-actions";
import { onSubmitOnce, useFocusHeadingAfter } from "./use-panel-action";
import { FieldErrorText, FormOutcome, fieldErrorOf } from "./FormOutcome";

export type AssignableStaff = { id: string; name: string; speaksLanguage: boolean };

// "Assign to me" is one click; assigning someone else is a choice and a click.
// All three forms share one action state, so one status line speaks for them.
export function AssignmentPanel(props: {
  inquiryId: string;
  assignee: { id: string; name: string } | null;
  viewerId: string;
  staff: AssignableStaff[];
  languageLabel: string;
}) {
  const actions = useDetailActions();
  const [state, action, pending] = useActionState(actions.assign, null);
  const headingRef = useFocusHeadingAfter([state]);
  const error = fieldErrorOf(state, "assigneeId");
  const mine = props.assignee?.id === props.viewerId;
  return (
    <section aria-labelledby="assignment-heading" className="panel">
      <h2 id="assignment-heading" ref={headingRef} tabIndex={-1}>Assignment</h2>
      <p>{props.assignee ? `Assigned to ${props.assignee.name}${mine ? " (you)" : ""}` : "Not assigned to anyone"}</p>
      <div className="button-row">
        {mine ? null : (
          <form action={action} onSubmit={onSubmitOnce(pending)}>
            <input type="hidden" name="inquiryId" value={props.inquiryId} />
            <input type="hidden" name="assigneeId" value="me" />
            <button className="button-primary button-inline" type="submit" aria-disabled={pending}>
              Assign to me
            </button>
          </form>
        )}
        {props.assignee ? (
          <form action={action} onSubmit={onSubmitOnce(pending)}>
            <input type="hidden" name="inquiryId" value={props.inquiryId} />
            <input type="hidden" name="assigneeId" value="" />
            <button className="button-secondary" type="submit" aria-disabled={pending}>
              Unassign
            </button>
          </form>
        ) : null}
      </div>
      <form action={action} onSubmit={onSubmitOnce(pending)} className="form-row">
        <input type="hidden" name="inquiryId" value={props.inquiryId} />
        <div className={error ? "field field--error" : "field"}>
          <label htmlFor="assign-to">Assign to</label>
          <FieldErrorText id="assign-to-error" message={error} />
          <select id="assign-to" name="assigneeId" required defaultValue="" aria-invalid={Boolean(error)} aria-describedby={error ? "assign-to-error" : undefined}>
            <option value="" disabled>
              Choose a person
            </option>
            {props.staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
                {member.speaksLanguage ? ` (speaks ${props.languageLabel})` : ""}
              </option>
            ))}
          </select>
        </div>
        <button className="button-secondary button-inline" type="submit" aria-disabled={pending}>
          Assign
        </button>
      </form>
      <FormOutcome state={state} />
    </section>
  );
}
