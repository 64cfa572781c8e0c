"use client";

import { TableScroll } from "@/components/staff/TableScroll";
import { useActionState, useState } from "react";
import { useDetailActions } from "./detail-actions";
import type { ActionState } from "@/lib/actions/action-state";
import { onSubmitOnce, useFocusHeadingAfter } from "./use-panel-action";
import { FieldErrorText, FormOutcome, fieldErrorOf } from "./FormOutcome";

export type AttemptButton = { value: string; label: string; refusal: string | null };
export type AttemptRow = { id: string; when: string; who: string; what: string; followUp: string };

// Keeps a typed follow-up time across a refused submission (React resets a
// form's uncontrolled fields after every action), and clears it after a
// successful one, unless it was changed while the submission was on its way.
function useFollowUp(state: ActionState) {
  const [value, setValue] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok && value === sent) setValue("");
  }
  return { value, setValue, markSent: () => setSent(value) };
}

function FollowUpField(props: { id: string; value: string; onChange: (value: string) => void; error: string | undefined; hint: string }) {
  const describedBy = [`${props.id}-hint`, props.error ? `${props.id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={props.id}>Next follow-up (optional)</label>
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <FieldErrorText id={`${props.id}-error`} message={props.error} />
      <input
        id={props.id}
        name="nextFollowUpAt"
        type="datetime-local"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={Boolean(props.error)}
        aria-describedby={describedBy}
      />
    </div>
  );
}

// One click per outcome. The channels the person did not agree to are shown
// but cannot be pressed, with the reason next to them.
export function AttemptPanel(props: {
  inquiryId: string;
  closed: boolean;
  buttons: AttemptButton[];
  decision: { due: boolean; unsuccessful: number };
  followUpHint: string;
  nextFollowUp: string | null;
  attempts: AttemptRow[];
}) {
  const actions = useDetailActions();
  const [state, action, pending] = useActionState(actions.logAttempt, null);
  const [decisionState, decide, deciding] = useActionState(actions.continueAttempts, null);
  const headingRef = useFocusHeadingAfter([state, decisionState]);
  const followUp = useFollowUp(state);
  const decisionFollowUp = useFollowUp(decisionState);
  return (
    <section aria-labelledby="attempts-heading" className="panel">
      <h2 id="attempts-heading" ref={headingRef} tabIndex={-1}>Contact attempts</h2>
      {props.nextFollowUp ? <p>Next follow-up: {props.nextFollowUp}</p> : null}
      {props.decision.due ? (
        <div className="alert decision" role="group" aria-labelledby="decision-heading">
          <h3 id="decision-heading">Decision needed</h3>
          <p>
            {props.decision.unsuccessful} attempts in a row without reaching the person. Close the inquiry (for example as Unreachable,{" "}
            <a href="#close-inquiry">under Stage</a>) or keep trying.
          </p>
          <form action={decide} onSubmit={onSubmitOnce(deciding, decisionFollowUp.markSent)}>
            <input type="hidden" name="inquiryId" value={props.inquiryId} />
            <FollowUpField
              id="decision-follow-up"
              value={decisionFollowUp.value}
              onChange={decisionFollowUp.setValue}
              error={fieldErrorOf(decisionState, "nextFollowUpAt")}
              hint={props.followUpHint}
            />
            <button className="button-secondary" type="submit" aria-disabled={deciding}>
              Keep trying
            </button>
          </form>
          <FormOutcome state={decisionState} />
        </div>
      ) : null}
      {props.closed ? (
        <p>This inquiry is closed. Reopen it (under Stage) to log contact.</p>
      ) : (
        <form action={action} onSubmit={onSubmitOnce(pending, followUp.markSent)}>
          {/* Enter in the date field submits with the form's first submit
              button; this disabled one makes Enter do nothing instead of
              logging an outcome nobody chose. */}
          <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
          <input type="hidden" name="inquiryId" value={props.inquiryId} />
          <FollowUpField
            id="attempt-follow-up"
            value={followUp.value}
            onChange={followUp.setValue}
            error={fieldErrorOf(state, "nextFollowUpAt")}
            hint={props.followUpHint}
          />
          <fieldset className="field">
            <legend>What happened?</legend>
            <FieldErrorText id="attempt-error" message={fieldErrorOf(state, "attempt")} />
            <ul className="attempt-buttons">
              {props.buttons.map((button) => (
                <li key={button.value}>
                  <button className="button-secondary" type="submit" name="attempt" value={button.value} disabled={button.refusal !== null} aria-disabled={pending}>
                    {button.label}
                  </button>
                  {button.refusal ? <span className="hint"> {button.refusal}</span> : null}
                </li>
              ))}
            </ul>
          </fieldset>
        </form>
      )}
      <FormOutcome state={state} />
      {props.attempts.length > 0 ? (
        <TableScroll label="Contact attempts so far">
          <table>
            <caption className="note">Newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What happened</th>
                <th scope="col">Follow-up set</th>
              </tr>
            </thead>
            <tbody>
              {props.attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <td>{attempt.when}</td>
                  <td>{attempt.who}</td>
                  <td>{attempt.what}</td>
                  <td>{attempt.followUp}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="note">No attempts logged yet.</p>
      )}
    </section>
  );
}
