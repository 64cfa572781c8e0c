"use client";

import { useActionState, useState } from "react";
import { onSubmitOnce } from "./use-panel-action";
import { useDetailActions } from "./detail-actions";
import { NOTE_MAX } from "@/lib/validations/inquiry-note";
import { FieldErrorText, FormOutcome, fieldErrorOf } from "./FormOutcome";

// Adds a note, or (with `noteId`) saves a new version of one. The text is
// held in state so a refused save does not lose what was typed; a new note's
// box empties once it is saved (unless more was typed meanwhile).
export function NoteForm(props: { inquiryId: string; noteId?: string; initialBody?: string; label: string; submitLabel: string }) {
  const actions = useDetailActions();
  const [state, action, pending] = useActionState(props.noteId ? actions.editNote : actions.addNote, null);
  const [body, setBody] = useState(props.initialBody ?? "");
  const [sent, setSent] = useState<string | null>(null);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok && !props.noteId && body === sent) setBody("");
  }
  const id = props.noteId ? `note-${props.noteId}` : "note-new";
  const error = fieldErrorOf(state, "body");
  return (
    <form action={action} onSubmit={onSubmitOnce(pending, () => setSent(body))}>
      <input type="hidden" name="inquiryId" value={props.inquiryId} />
      {props.noteId ? <input type="hidden" name="noteId" value={props.noteId} /> : null}
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor={id}>{props.label}</label>
        <p className="hint" id={`${id}-hint`}>
          Staff only, encrypted. You can correct a note for 15 minutes; every version is kept.
        </p>
        <FieldErrorText id={`${id}-error`} message={error} />
        <textarea
          id={id}
          name="body"
          rows={4}
          maxLength={NOTE_MAX}
          required
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
      <button className="button-secondary" type="submit" aria-disabled={pending}>
        {props.submitLabel}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
