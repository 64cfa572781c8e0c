import type { ActionState } from "@/lib/actions/action-state";

// The detail panels read one field's message with this (one definition, in lib/actions).
export { fieldErrorOf } from "@/lib/actions/action-state";

// The answer of a detail-page action: a polite status line (always present,
// so screen readers announce what appears in it) and, on refusal, an alert.
export function FormOutcome({ state }: { state: ActionState<object> }) {
  const formError = state && !state.ok ? state.formError : null;
  return (
    <>
      <p role="status" className="form-outcome">
        {state?.ok ? state.message : ""}
      </p>
      {formError ? (
        <p role="alert" className="alert alert--error">
          {formError}
        </p>
      ) : null}
    </>
  );
}

export function FieldErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}
