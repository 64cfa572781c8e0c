"use client";

import { useActionState } from "react";
import { useDetailActions } from "./detail-actions";
import { onSubmitOnce, useFocusHeadingAfter } from "./use-panel-action";
import { FieldErrorText, FormOutcome, fieldErrorOf } from "./FormOutcome";

export type StageMove = { to: string; label: string };
export type ExitChoice = { stage: string; label: string; reasons: { id: string; label: string }[] };

// The moves pipeline-transitions allows from here, one button each, and
// closing with an outcome and reason. `expectedStage` travels with every
// form so a move made on a stale page is refused instead of misapplied.
export function StagePanel(props: {
  inquiryId: string;
  status: string;
  statusLabel: string;
  closedNote: string | null;
  moves: StageMove[];
  exits: ExitChoice[];
}) {
  const actions = useDetailActions();
  const [moveState, moveAction, moving] = useActionState(actions.changeStage, null);
  const [closeState, closeAction, closing] = useActionState(actions.closeInquiry, null);
  const headingRef = useFocusHeadingAfter([moveState, closeState]);
  const closeError = fieldErrorOf(closeState, "exit") ?? fieldErrorOf(closeState, "exitReasonId") ?? fieldErrorOf(closeState, "to");
  const moveError = fieldErrorOf(moveState, "to");
  return (
    <section aria-labelledby="stage-heading" className="panel">
      <h2 id="stage-heading" ref={headingRef} tabIndex={-1}>Stage</h2>
      <p className="stage-now">
        Now: <strong>{props.statusLabel}</strong>
        {props.closedNote ? ` (${props.closedNote})` : ""}
      </p>
      {props.moves.length > 0 ? (
        <div className="button-row" role="group" aria-label="Move to another stage">
          {props.moves.map((move) => (
            <form key={move.to} action={moveAction} onSubmit={onSubmitOnce(moving)}>
              <input type="hidden" name="inquiryId" value={props.inquiryId} />
              <input type="hidden" name="expectedStage" value={props.status} />
              <input type="hidden" name="to" value={move.to} />
              <button className="button-secondary" type="submit" aria-disabled={moving}>
                {move.label}
              </button>
            </form>
          ))}
        </div>
      ) : null}
      <FieldErrorText id="stage-move-error" message={moveError} />
      <FormOutcome state={moveState} />
      {props.exits.length > 0 ? (
        <form action={closeAction} onSubmit={onSubmitOnce(closing)} className="form-row" id="close-inquiry">
          <input type="hidden" name="inquiryId" value={props.inquiryId} />
          <input type="hidden" name="expectedStage" value={props.status} />
          <div className={closeError ? "field field--error" : "field"}>
            <label htmlFor="close-exit">Close with outcome and reason</label>
            <FieldErrorText id="close-exit-error" message={closeError} />
            <select id="close-exit" name="exit" required defaultValue="" aria-invalid={Boolean(closeError)} aria-describedby={closeError ? "close-exit-error" : undefined}>
              <option value="" disabled>
                Choose an outcome and reason
              </option>
              {props.exits.map((exit) => (
                <optgroup key={exit.stage} label={exit.label}>
                  {exit.reasons.map((reason) => (
                    <option key={reason.id} value={`${exit.stage}:${reason.id}`}>
                      {exit.label}: {reason.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <button className="button-secondary button-inline" type="submit" aria-disabled={closing}>
            Close inquiry
          </button>
        </form>
      ) : null}
      <FormOutcome state={closeState} />
    </section>
  );
}
