import type { InquiryNoteView } from "@/lib/triage/record/read-inquiry-notes";
import { formatClinicTime } from "./format-clinic-time";
import { NoteForm } from "./NoteForm";

// Every note with its current wording; earlier wordings one click away. The
// author sees an edit form while the edit window is open.
export function NotesPanel(props: { inquiryId: string; notes: InquiryNoteView[]; timeZone: string; canWrite: boolean }) {
  const when = (date: Date) => formatClinicTime(date, props.timeZone);
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {props.notes.length === 0 ? <p className="note">No notes yet.</p> : null}
      {props.notes.map((note) => {
        const current = note.versions.at(-1);
        const earlier = note.versions.slice(0, -1).reverse();
        return (
          <article key={note.id} className="staff-note" aria-label={`Note by ${note.authorName ?? "a former staff member"}`}>
            <p className="staff-note__meta">
              {note.authorName ?? "A former staff member"}, {when(note.createdAt)}
              {earlier.length > 0 && current ? `, edited ${when(current.createdAt)}` : ""}
            </p>
            <p className="free-text">{current?.body ?? "Removed"}</p>
            {earlier.length > 0 ? (
              <details>
                <summary>Earlier versions ({earlier.length})</summary>
                <ol>
                  {earlier.map((version) => (
                    <li key={version.id}>
                      <p className="staff-note__meta">{when(version.createdAt)}</p>
                      <p className="free-text">{version.body ?? "Removed"}</p>
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            {note.editableUntil && props.canWrite ? (
              <details>
                <summary>Edit (until {when(note.editableUntil)})</summary>
                <NoteForm inquiryId={props.inquiryId} noteId={note.id} initialBody={current?.body ?? ""} label="Corrected note" submitLabel="Save correction" />
              </details>
            ) : null}
          </article>
        );
      })}
      {props.canWrite ? <NoteForm inquiryId={props.inquiryId} label="New note" submitLabel="Add note" /> : null}
    </section>
  );
}
