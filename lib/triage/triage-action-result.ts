// What every server action of the inquiry detail page answers: the change
// was made (with a sentence to announce), or it was not, with messages per
// form field and/or for the whole form. null: nothing submitted yet.
export type TriageActionState =
  | { ok: true; message: string }
  | { ok: false; fieldErrors: Record<string, string[]>; formError: string | null }
  | null;
