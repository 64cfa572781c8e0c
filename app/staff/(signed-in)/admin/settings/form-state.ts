// What every settings action answers: a confirmation, or what went wrong,
// per field (by the field's id) and for the form as a whole.
export type SettingsFormState = {
  ok?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  // The settings form's submitted values, so a refused form keeps them.
  values?: Record<string, unknown>;
};
