import type { z } from "zod";

// What every staff server action answers, in one shape: null before the form
// was sent; `ok: true` with a sentence to announce (and, for some actions, a
// value shown once, like a new webhook secret); or `ok: false` with one
// message per form field (keyed by the field's name) and/or one for the whole
// form, plus the values a refused form should keep.
export type ActionState<Extra extends object = Record<never, never>> =
  | ({ ok: true; message: string } & Extra)
  | { ok: false; fieldErrors: Record<string, string>; formError: string | null; values?: Record<string, unknown> }
  | null;

export type RefusedState = Extract<ActionState, { ok: false }>;

export function refused(formError: string | null, fieldErrors: Record<string, string> = {}): RefusedState {
  return { ok: false, fieldErrors, formError };
}

// Zod issues as one message per field. `depth` keeps nested keys apart where
// a form has them ("businessHours.mon" for a weekday's hours); by default a
// field is its first path segment.
export function fieldErrorsOf(error: z.ZodError, depth: (first: PropertyKey) => number = () => 1): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const first = issue.path[0];
    const key = first === undefined ? "" : issue.path.slice(0, depth(first)).map(String).join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** One field's message, for a component. */
export function fieldErrorOf(state: ActionState<object>, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors[name] : undefined;
}

/**
 * What a small form announces: the confirmation, or the problem (the form's,
 * else the first field's). `problem` tells the component to style it as one.
 */
export function outcomeOf(state: ActionState<object>): { text: string; problem: boolean } {
  if (!state) return { text: "", problem: false };
  if (state.ok) return { text: state.message, problem: false };
  const text = state.formError ?? Object.values(state.fieldErrors)[0] ?? "";
  return { text, problem: text !== "" };
}
